package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's runs, run page, audit log, webhook deliveries and tenants in a real headless Chromium, against
 * calls made over REST. A tenant admin's console shows their tenant only, in the views and on typed routes.
 * Each test keeps a screenshot of the view it exercises under {@code docs/}.
 */
class ConsoleViewsIT extends SwitchboardDeployment {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** A chat completion over REST, five tokens long; returns its run id. */
    private static String chat(String tenant, String user, String prompt) {
        var response = Api.postJson(
                "/v1/chat/completions",
                TestStack.token(tenant, user, "user"),
                Api.chat("sim-fast", false, prompt),
                "X-Simulator-Tokens",
                "5");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Run-Id").orElseThrow();
    }

    @Test
    void aCallMadeOverRestIsFoundInRunsWithItsEvents() {
        String tenant = "cv-rest-" + suffix;
        String user = "caller-" + suffix;
        String runId = chat(tenant, user, "find me in the console");

        signIn("admin");
        seeText(runId);
        assertThat(browser.page()).contains(user).contains(tenant).contains("completed");
        browser.screenshot("console-runs");

        clickCell(runId);
        shows("events-grid");
        seeText("First token");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/runs/" + runId);
        assertThat(browser.page())
                .contains("Run " + runId)
                .contains(">run<")
                .contains(">delta<")
                .contains(">done<")
                .contains("Served by: ");
        assertThat(browser.driver.findElement(By.id("run-timings")).getText())
                .matches("First token [\\d,]+ ms .*total [\\d,]+ ms");
        browser.screenshot("console-run");
    }

    @Test
    void aRunsPageListsEachAttemptOfItsRouteTheFailedOneWithItsClass() {
        String tenant = "cv-route-" + suffix;
        String admin = TestStack.token(tenant, "ops", "admin");
        Admin.simulator(
                admin,
                "broken",
                Json.createObjectBuilder()
                        .add("tokens", 3)
                        .add("fault", "error")
                        .add("status", 503));
        Admin.simulator(admin, "backup", Json.createObjectBuilder().add("tokens", 3));
        Admin.createPolicy(
                admin,
                "chat",
                "priority",
                Json.createArrayBuilder()
                        .add(Admin.target("broken", "sim-fast"))
                        .add(Admin.target("backup", "sim-fast"))
                        .build(),
                Json.createObjectBuilder().add("max_attempts", 1).build());
        String runId = Admin.syncRun(TestStack.token(tenant, "routed-" + suffix, "user"), "chat", "fall back")
                .getString("id");

        signIn("admin");
        open("runs/" + runId, "attempts-grid");
        browser.wait.until(page -> {
            List<String> cells = gridTexts("attempts-grid");
            return java.util.Collections.indexOfSubList(cells, List.of("broken/sim-fast", "upstream-error", "503")) >= 0
                    && java.util.Collections.indexOfSubList(cells, List.of("backup/sim-fast", "served", "–")) >= 0;
        });
        assertThat(browser.page()).contains("Served by: backup/sim-fast").contains("2 upstream call(s)");
        browser.screenshot("console-run-attempts");
    }

    @Test
    void aPolicysDeadlineIsSetInItsFormAndOneOutOfRangeIsRefusedOnItsField() throws Exception {
        String tenant = "cv-deadline-" + suffix;
        String admin = TestStack.token(tenant, "ops", "admin");
        String id = Admin.createPolicy(
                        admin,
                        "timed",
                        "priority",
                        Json.createArrayBuilder()
                                .add(Admin.target("simulator", "sim"))
                                .build(),
                        Json.createObjectBuilder().build())
                .getString("id");
        String operator = "deadline-admin-" + suffix;
        createTenantOperator(operator, tenant);

        signIn(operator);
        open("policies/" + id, "policy-first-token-ms");
        browser.type("policy-first-token-ms", "50");
        browser.click("policy-save");
        browser.wait.until(driver -> browser.invalid("policy-first-token-ms"));
        assertThat(browser.errorOf("policy-first-token-ms")).contains("100");
        assertThat(deadlinesOf(admin, id)).isEmpty();

        browser.type("policy-first-token-ms", "1500");
        browser.click("policy-save");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !deadlinesOf(admin, id).isEmpty());
        assertThat(deadlinesOf(admin, id))
                .isEqualTo(
                        Json.createObjectBuilder().add("first_token_ms", 1500).build());
    }

    private static jakarta.json.JsonObject deadlinesOf(String token, String policyId) {
        return Api.json(Api.get("/api/v1/admin/policies/" + policyId, token).body())
                .getJsonObject("deadlines");
    }

    @Test
    void aLiveRunIsCancelledFromItsPageAndFoundByItsErrorClass() {
        String tenant = "cv-cancel-" + suffix;
        String token = TestStack.token(tenant, "slow-" + suffix, "user");
        String completed = chat(tenant, "quick-" + suffix, "done at once");
        String live = Runs.start(token, "take your time", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "300");

        signIn("admin");
        open("runs/" + live, "cancel-run");
        browser.click("cancel-run");
        // The page shows the run as read after the cancel; the cancel of a generating run is durable a moment later.
        browser.wait.until(driver -> {
            driver.navigate().refresh();
            return browser.wait
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("run-status")))
                    .getText()
                    .equals("cancelled");
        });
        assertThat(Runs.get(live, TestStack.token(tenant, "slow-" + suffix, "user"))
                        .getString("status"))
                .isEqualTo("cancelled");

        open("runs", "filter-error-class");
        browser.type("filter-error-class", "cancelled");
        browser.click("apply-filter");
        browser.wait.until(page ->
                gridTexts("runs-grid").contains(live) && !gridTexts("runs-grid").contains(completed));
    }

    @Test
    void aTenantAdminSeesOnlyTheirTenantsRunsAndAuditRows() throws Exception {
        String own = "cv-own-" + suffix;
        String other = "cv-other-" + suffix;
        String ownUser = "own-user-" + suffix;
        String otherUser = "other-user-" + suffix;
        String ownRun = chat(own, ownUser, "mine");
        String otherRun = chat(other, otherUser, "not yours");
        String operator = "tenant-admin-" + suffix;
        createTenantOperator(operator, own);
        awaitAuditRowOf(ownUser);
        awaitAuditRowOf(otherUser);

        signIn(operator);
        seeText(ownRun);
        assertThat(browser.page())
                .doesNotContain(otherRun)
                .doesNotContain(otherUser)
                .doesNotContain(other);
        // A hidden component is not even sent to the browser.
        assertThat(browser.driver.findElements(By.id("filter-tenant"))).noneMatch(field -> field.isDisplayed());

        open("runs/" + otherRun, "run-not-found");
        assertThat(browser.page()).doesNotContain(otherUser).doesNotContain(other);
        open("runs/" + ownRun, "events-grid");

        open("audit", "audit-grid");
        seeText(ownUser);
        assertThat(browser.page()).doesNotContain(otherUser).doesNotContain(other);
        String csv = fetch(browser.driver.findElement(By.id("audit-export")).getAttribute("href"));
        assertThat(csv).contains(ownUser).doesNotContain(otherUser).doesNotContain(other);

        open("tenants", "tenants-grid");
        seeText(own);
        assertThat(browser.page()).doesNotContain(other);
        open("deliveries", "deliveries-empty");
        assertThat(browser.page()).doesNotContain(other);
    }

    @Test
    void theAuditCsvExportHoldsTheFilteredRows() throws Exception {
        String tenant = "cv-audit-" + suffix;
        String wanted = "wanted-" + suffix;
        String unwanted = "unwanted-" + suffix;
        String wantedRun = chat(tenant, wanted, "audit me");
        chat(tenant, wanted, "and me");
        chat(tenant, unwanted, "not me");
        awaitAuditRowOf(wanted);
        awaitAuditRowOf(unwanted);

        signIn("admin");
        open("audit", "audit-grid");
        seeText(unwanted);
        browser.type("audit-user", wanted);
        browser.click("audit-apply");
        browser.wait.until(page -> gridTexts("audit-grid").contains(wanted)
                && !gridTexts("audit-grid").contains(unwanted));
        browser.screenshot("console-audit");

        String csv = fetch(browser.driver.findElement(By.id("audit-export")).getAttribute("href"));
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0])
                .isEqualTo("time_utc,tenant,user,method,route,status,latency_ms,run_id,request_id,change,before,after");
        assertThat(Arrays.copyOfRange(lines, 1, lines.length))
                .hasSize(auditRowsOf(wanted))
                .allSatisfy(line -> assertThat(line)
                        .contains("," + tenant + "," + wanted + ",POST,")
                        .contains("chat/completions,200,"))
                .anySatisfy(line -> assertThat(line).contains("," + wantedRun + ","));
        assertThat(csv).doesNotContain(unwanted);
    }

    @Test
    void aFailedWebhookDeliveryShowsItsAttemptsAndIsRetriedNow() throws Exception {
        AtomicInteger answer = new AtomicInteger(500);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        try {
            String tenant = "cv-hooks-" + suffix;
            String callback = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
            var response = Runs.submit(
                    TestStack.token(tenant, "hooked-" + suffix, "user"),
                    Runs.body("async", "call me back").add("callback_url", callback),
                    "X-Simulator-Tokens",
                    "3");
            String runId = Api.json(response.body()).getString("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(deliveryStatus(runId)));

            signIn("admin");
            open("deliveries", "deliveries-grid");
            seeText(runId);
            clickCell(runId);
            seeText("HTTP 500");
            answer.set(204);
            browser.click("retry-delivery");
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus(runId)));
            browser.click("refresh-deliveries");
            seeText("DELIVERED");
            clickCell(runId);
            seeText("HTTP 204");
            browser.screenshot("console-deliveries");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aTenantsUsageIsShownAndItsWebhookSecretRotatedAndShownOnce() {
        String tenant = "cv-usage-" + suffix;
        chat(tenant, "first-" + suffix, "count me");
        chat(tenant, "second-" + suffix, "count me too");

        signIn("admin");
        open("tenants", "tenants-grid");
        seeText(tenant);
        clickCell(tenant);
        seeText("Tenant " + tenant);
        seeText("first-" + suffix);
        seeText("second-" + suffix);
        browser.click("rotate-secret");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-secret input")));
        String shown =
                browser.driver.findElement(By.cssSelector("#new-secret input")).getAttribute("value");
        assertThat(shown).startsWith("whsec_");
        String current = Api.json(Api.get("/api/v1/webhooks/secret", TestStack.token(tenant, "boss", "admin"))
                        .body())
                .getString("secret");
        assertThat(current).isEqualTo(shown);
        browser.screenshot("console-tenants");
        browser.click("close-secret");
        browser.wait.until(page -> !browser.page().contains(shown));
    }

    @Test
    void aTenantAdminReadsTheirTenantsChatsButNotAnothers() throws Exception {
        String own = "cv-chat-own-" + suffix;
        String other = "cv-chat-other-" + suffix;
        String chatter = "chatter-" + suffix;
        String ownToken = TestStack.token(own, chatter, "user");
        String chatId = ChatApi.create(ownToken, null).getString("id");
        ChatApi.sent(ownToken, chatId, ChatApi.message("sim-fast", "hello console " + suffix));
        ChatApi.idle(ownToken, chatId);
        String otherChat = ChatApi.create(TestStack.token(other, "stranger-" + suffix, "user"), "Other " + suffix)
                .getString("id");
        String operator = "chat-admin-" + suffix;
        createTenantOperator(operator, own);

        signIn(operator);
        open("chats", "chats-grid");
        seeText(chatId);
        assertThat(browser.page()).contains(chatter).doesNotContain(otherChat).doesNotContain("stranger-" + suffix);
        browser.type("chats-user", chatter);
        browser.driver.findElement(By.cssSelector("#chats-user input")).sendKeys(org.openqa.selenium.Keys.ENTER);
        clickCell(chatId);
        shows("messages-grid");
        seeText("hello console " + suffix);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/chats/" + chatId);
        browser.screenshot("console-chats");

        open("chats/" + otherChat, "chat-not-found");
        assertThat(browser.page()).doesNotContain("Other " + suffix).doesNotContain("stranger-" + suffix);
    }

    @Test
    void aUsersChatOlderThanTheNewestShownIsFoundByTheirName() {
        String tenant = "cv-chat-many-" + suffix;
        String early = "early-" + suffix;
        String oldChat = ChatApi.create(TestStack.token(tenant, early, "user"), "Early " + suffix)
                .getString("id");
        String busyToken = TestStack.token(tenant, "busy-" + suffix, "user");
        for (int i = 0; i < 199; i++) { // the view lists the newest 200 chats of the tenant
            ChatApi.create(busyToken, "Busy " + i);
        }
        String newest = ChatApi.create(busyToken, "Busy newest").getString("id");

        signIn("admin");
        open("chats", "chats-grid");
        browser.choose("tenant-choice", tenant); // the page reloads, acting for the tenant
        seeText(newest);
        assertThat(browser.page()).doesNotContain(oldChat).doesNotContain(early);
        browser.type("chats-user", early);
        browser.driver.findElement(By.cssSelector("#chats-user input")).sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.wait.until(page -> gridTexts("chats-grid").contains(oldChat)
                && !gridTexts("chats-grid").contains(newest));
        clickCell(oldChat);
        shows("messages-grid");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/chats/" + oldChat);
    }

    private void signIn(String username) {
        browser.signedIn(username, TestStack.adminPassword());
    }

    /** Opens a console route ({@code runs/123}) and waits for the element {@code id} to be there. */
    private void open(String route, String id) {
        browser.open("/admin/" + route);
        shows(id);
    }

    private void shows(String id) {
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private void seeText(String text) {
        browser.wait.until(driver -> driver.getPageSource().contains(text));
    }

    /** Clicks the grid cell showing exactly {@code text}: selects its row, or opens it. */
    private void clickCell(String text) {
        By cell = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + text + "']");
        browser.wait.until(
                driver -> { // a grid re-rendering under the pointer: find the cell again
                    try {
                        driver.findElement(cell).click();
                        return true;
                    } catch (org.openqa.selenium.NoSuchElementException
                            | org.openqa.selenium.StaleElementReferenceException
                            | org.openqa.selenium.ElementClickInterceptedException notYet) {
                        return false;
                    }
                });
    }

    /**
     * The texts of the grid cells a person sees now. The page source is no guide: a grid keeps the content of rows
     * it no longer shows (after a filter leaves fewer items) in hidden cells.
     */
    @SuppressWarnings("unchecked")
    private List<String> gridTexts(String gridId) {
        return (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                                + ".filter(c => c.checkVisibility() && c.getBoundingClientRect().height > 0)"
                                + ".map(c => c.textContent.trim());",
                        browser.driver.findElement(By.id(gridId)));
    }

    /** GETs a console URL (a download) within the browser's session and returns the body. */
    private String fetch(String href) {
        return (String) ((JavascriptExecutor) browser.driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text())"
                                + ".then(done, e => done('FETCH FAILED ' + e));",
                        href);
    }

    /** A console operator of one tenant, with the seeded admin's password (its hash copied, never re-derived). */
    private static void createTenantOperator(String username, String tenant) throws Exception {
        try (Connection db = TestStack.jdbc();
                PreparedStatement insert = db.prepareStatement("INSERT INTO admin_users (id, username, password_hash,"
                        + " roles, created_at, tenant_id) SELECT ?, ?, password_hash, 'admin', NOW(6), ? FROM"
                        + " admin_users WHERE username = 'admin'")) {
            insert.setLong(1, System.nanoTime());
            insert.setString(2, username);
            insert.setString(3, tenant);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static void awaitAuditRowOf(String user) {
        await().atMost(Duration.ofSeconds(20)).until(() -> auditRowsOf(user) > 0);
    }

    private static int auditRowsOf(String user) throws Exception {
        try (Connection db = TestStack.jdbc();
                PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE actor = ?")) {
            count.setString(1, user);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String deliveryStatus(String runId) throws Exception {
        try (Connection db = TestStack.jdbc();
                PreparedStatement select =
                        db.prepareStatement("SELECT status FROM webhook_deliveries WHERE run_id = ?")) {
            select.setLong(1, Long.parseLong(runId));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
