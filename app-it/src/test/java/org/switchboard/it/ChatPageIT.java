package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reference chat page ({@code /chat/}) in a real headless Chromium against the deployed EAR. Its answers
 * stream through a plain {@code EventSource} on the send's ticketed stream URL; whatever happens to the page
 * (a reload, a second tab, a network cut), the answer on screen ends equal to the run's stored output, with
 * nothing repeated or missing. Answers come from a slow simulator alias of the test's own tenant, so that
 * "mid-answer" is real: about nine seconds per answer.
 */
class ChatPageIT extends SwitchboardDeployment {
    private static final String TENANT = "chat-page-" + Long.toString(System.currentTimeMillis(), 36);
    /** 60 tokens, 300 ms before the first and 150 ms between the others. */
    private static final String SLOW = "slow-chat";

    private static final String FAST = "sim-fast";
    private static boolean slowAliasCreated;

    private ChromeDriver browser;
    private ChatPage page;
    private String token;

    @BeforeEach
    void openThePage() {
        createSlowAlias();
        token = TestStack.token(TENANT, "page-" + UUID.randomUUID().toString().substring(0, 8), "user");
        browser = HeadlessChromium.start();
        page = new ChatPage(browser);
        page.signIn(token);
    }

    @AfterEach
    void closeBrowser() {
        HeadlessChromium.close(browser, "chat-page");
    }

    private static synchronized void createSlowAlias() {
        if (!slowAliasCreated) {
            String admin = TestStack.token(TENANT, "ops", "admin");
            Admin.simulator(
                    admin,
                    "slow-sim",
                    Json.createObjectBuilder()
                            .add("tokens", 60)
                            .add("latency_ms", 300)
                            .add("delay_ms", 150));
            Admin.createPolicy(
                    admin,
                    SLOW,
                    "priority",
                    Json.createArrayBuilder()
                            .add(Admin.target("slow-sim", "sim"))
                            .build(),
                    Json.createObjectBuilder().build());
            slowAliasCreated = true;
        }
    }

    private String storedOutput(String runId) {
        var run = Runs.get(runId, token);
        return run.getString("output");
    }

    private String status(String runId) {
        return Runs.get(runId, token).getString("status");
    }

    @Test
    void thePageIsServedWithoutATokenWhileTheApiStillNeedsOne() {
        var html = Api.get("/chat/", null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("default-src 'self'"));
        assertThat(Api.get("/chat/chat.js", null).statusCode()).isEqualTo(200);
        assertThat(Api.get("/chat/chat.css", null).statusCode()).isEqualTo(200);
        assertThat(Api.get("/chat/WEB-INF/beans.xml", null).statusCode()).isEqualTo(404);
        assertThat(Api.get("/api/v1/chats", null).statusCode()).isEqualTo(401);
    }

    @Test
    void reloadingMidAnswerContinuesTheSameAnswerWithNothingRepeatedOrMissing() {
        page.send(SLOW, "tell me how a reload keeps an answer");
        String runId = page.newestRunId();
        page.awaitStreaming(runId);
        assertThat(status(runId))
                .as("the answer is still going when the page reloads")
                .isEqualTo("running");

        browser.navigate().refresh();

        String text = page.awaitCompleted(runId);
        assertThat(text).isNotEmpty().isEqualTo(storedOutput(runId));
        assertThat(page.attribute(runId, "source"))
                .as("rebuilt from the stream, not read back")
                .isEqualTo("stream");
    }

    @Test
    void aSecondTabSeesTheChatAnsweringAndEndsWithTheSameText() {
        page.send(FAST, "open me in two tabs");
        page.awaitCompleted(page.newestRunId());
        String chatId = page.chatId();
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        page.open(chatId);
        page.await().until(d -> !d.findElements(By.cssSelector("#messages .message"))
                .isEmpty());
        String second = browser.getWindowHandle();

        browser.switchTo().window(first);
        page.send(SLOW, "and now answer slowly");
        String runId = page.newestRunId();
        page.awaitStreaming(runId);

        // The second tab sent nothing: its poll of the chat (If-None-Match) finds the answer and its stream.
        browser.switchTo().window(second);
        page.await()
                .until(d -> page.listsAsGenerating(chatId)
                        && d.findElement(By.id("chat-state")).isDisplayed()
                        && "generating".equals(page.attribute(runId, "status")));
        String inSecond = page.awaitCompleted(runId);
        browser.switchTo().window(first);
        String inFirst = page.awaitCompleted(runId);

        assertThat(inSecond).isNotEmpty().isEqualTo(inFirst).isEqualTo(storedOutput(runId));
        browser.switchTo().window(second);
        page.await()
                .until(d -> !page.listsAsGenerating(chatId)
                        && !d.findElement(By.id("chat-state")).isDisplayed());
    }

    /**
     * Chromium's network emulation fails new requests and tells the page it is offline, but leaves a response
     * that is already streaming alone (as a real dead network often does, silently): the page closes its
     * stream on {@code offline} and resumes it after the last seq on {@code online}.
     */
    @Test
    void anAnswerContinuesWithoutAGapAfterTheNetworkIsCutForTwoSeconds() throws InterruptedException {
        page.send(SLOW, "keep going through a network cut");
        String runId = page.newestRunId();
        page.awaitStreaming(runId);

        network(true);
        page.await().until(d -> "1".equals(page.attribute(runId, "reconnects")));
        String beforeTheCut = page.text(runId);
        Thread.sleep(2000); // the outage itself, not a wait for a result
        assertThat(page.text(runId)).as("nothing arrives while offline").isEqualTo(beforeTheCut);
        assertThat(status(runId))
                .as("the answer is still going when the network returns")
                .isEqualTo("running");
        network(false);

        String text = page.awaitCompleted(runId);
        assertThat(text).startsWith(beforeTheCut).isNotEqualTo(beforeTheCut).isEqualTo(storedOutput(runId));
        assertThat(page.attribute(runId, "source")).isEqualTo("stream");
    }

    private void network(boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void stopKeepsThePartialAnswerOnThePage() {
        page.send(SLOW, "stop me halfway");
        String runId = page.newestRunId();
        page.awaitStreaming(runId);

        page.click("#stop");

        page.await().until(d -> !"generating".equals(page.attribute(runId, "status")));
        assertThat(page.attribute(runId, "status")).isIn("cancelled", "incomplete");
        assertThat(page.text(runId)).isNotEmpty().isEqualTo(storedOutput(runId));
        assertThat(storedOutput(runId).split(" ")).hasSizeLessThan(60);
    }

    /** Regenerate, edit and the sibling arrows, ending with the picture of the page for the README. */
    @Test
    void regenerateEditAndTheSiblingArrowsSwitchBranches() {
        page.signIn(readmeUser());
        page.send(FAST, "What does Switchboard keep for every run?");
        String firstRun = page.newestRunId();
        page.awaitCompleted(firstRun);

        page.click(".message[data-role='assistant'] .regenerate");
        page.await().until(d -> !firstRun.equals(page.newestRunId()));
        String regenerated = page.newestRunId();
        page.awaitCompleted(regenerated);
        assertThat(siblings("assistant")).isEqualTo("2/2");

        page.click(".message[data-role='assistant'] .previous");
        page.await().until(d -> firstRun.equals(page.newestRunId()));
        assertThat(siblings("assistant")).isEqualTo("1/2");

        page.click(".message[data-role='user'] .edit");
        var editor = browser.findElement(By.cssSelector(".message[data-role='user'] textarea"));
        editor.clear();
        editor.sendKeys("What does a run's event log hold?");
        page.click(".message[data-role='user'] .save");
        page.await().until(d -> !firstRun.equals(page.newestRunId()) && !regenerated.equals(page.newestRunId()));
        page.awaitCompleted(page.newestRunId());
        page.await().until(d -> "2/2".equals(siblings("user")));

        page.click(".message[data-role='user'] .previous");
        page.await().until(d -> "1/2".equals(siblings("user")));
        assertThat(browser.findElement(By.cssSelector(".message[data-role='user'] .content"))
                        .getText())
                .isEqualTo("What does Switchboard keep for every run?");
        assertThat(page.newestRunId()).as("the branch's newest answer").isEqualTo(regenerated);

        page.send(FAST, "And how does a second tab follow it?");
        page.awaitCompleted(page.newestRunId());
        // A finished conversation: the answer's end and the generated title have reached the page.
        page.await()
                .until(d -> !d.findElement(By.id("chat-state")).isDisplayed()
                        && !"New chat".equals(d.findElement(By.id("chat-title")).getText()));
        page.script("document.activeElement.blur()"); // no blinking caret in the picture
        HeadlessChromium.screenshot(
                browser, Path.of(System.getProperty("switchboard.docs", "../docs"), "chat-page.png"));
    }

    /**
     * The user of the README's picture: always "ada" of the tenant "chat-page-docs", her earlier chats deleted
     * (the test database may be kept between local runs), so that the picture comes out the same every time.
     */
    private String readmeUser() {
        token = TestStack.token("chat-page-docs", "ada", "user");
        var chats = Api.json(Api.get("/api/v1/chats?limit=100", token).body()).getJsonArray("chats");
        for (var chat : chats.getValuesAs(jakarta.json.JsonObject.class)) {
            var deleted = Api.send(Api.request("/api/v1/chats/" + chat.getString("id"), token)
                    .DELETE()
                    .build());
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        return token;
    }

    /** The {@code n/m} position shown by the sibling arrows of the first message with that role. */
    private String siblings(String role) {
        var found = browser.findElements(By.cssSelector(".message[data-role='" + role + "'] .siblings span"));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }
}
