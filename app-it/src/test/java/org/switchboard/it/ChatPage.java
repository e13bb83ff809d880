package org.switchboard.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reference chat page ({@code /chat/}) as a user drives it: the page object of {@link ChatPageIT}. Messages
 * are found by their data attributes ({@code data-role}, {@code data-run-id}, {@code data-status}) because
 * the page rebuilds its DOM on every change, so an element found earlier goes stale.
 */
final class ChatPage {
    private final WebDriver browser;
    private final WebDriverWait wait;

    ChatPage(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Opens the page with the dev token in the fragment, which the page keeps in localStorage. */
    void signIn(String token) {
        browser.get("about:blank"); // from the page itself, a new fragment alone would not load it again
        browser.get(Api.uri("/chat/#token=" + token).toString());
        wait.until(d -> d.findElement(By.id("who")).getText().startsWith("Signed in as"));
    }

    /** Opens one chat by the address a reload or a second tab uses. */
    void open(String chatId) {
        browser.get(Api.uri("/chat/#chat=" + chatId).toString());
    }

    void send(String model, String prompt) {
        WebElement field = browser.findElement(By.id("model"));
        field.clear();
        field.sendKeys(model);
        wait.until(d -> d.findElement(By.id("send")).isEnabled());
        browser.findElement(By.id("prompt")).sendKeys(prompt);
        browser.findElement(By.id("send")).click();
    }

    /** The open chat's server id, which the page puts into the address once the server answered. */
    String chatId() {
        return wait.until(d -> {
            String url = d.getCurrentUrl();
            int at = url.indexOf("#chat=");
            return at < 0 ? null : url.substring(at + "#chat=".length());
        });
    }

    /** The run of the newest answer on screen, once the send's 202 mapped it to server ids. */
    String newestRunId() {
        return wait.until(d -> {
            Object runId =
                    script("const all = document.querySelectorAll(\"#messages .message[data-role='assistant']\");"
                            + " return all.length ? all[all.length - 1].dataset.runId : null;");
            return runId == null || runId.toString().isEmpty() ? null : runId.toString();
        });
    }

    /** Waits until the answer of the run shows some text while it is still generating. */
    void awaitStreaming(String runId) {
        wait.until(d ->
                "generating".equals(attribute(runId, "status")) && !text(runId).isEmpty());
    }

    /** Waits until the answer of the run is completed and answers the text on screen. */
    String awaitCompleted(String runId) {
        wait.until(d -> "completed".equals(attribute(runId, "status")));
        return text(runId);
    }

    /** The answer's text exactly as the DOM holds it (textContent: no whitespace normalisation). */
    String text(String runId) {
        Object text = script(
                "const n = document.querySelector(\".message[data-run-id='\" + arguments[0] + \"'] .content\");"
                        + " return n ? n.textContent : '';",
                runId);
        return (String) text;
    }

    /** A {@code data-*} attribute of the run's answer ({@code status}, {@code source}, {@code reconnects}). */
    String attribute(String runId, String name) {
        return (String) script(
                "const n = document.querySelector(\".message[data-run-id='\" + arguments[0] + \"']\");"
                        + " return n ? n.dataset[arguments[1]] : null;",
                runId,
                name);
    }

    /** Whether the chat list marks the chat as answering. */
    boolean listsAsGenerating(String chatId) {
        return !browser.findElements(By.cssSelector("#chat-list li[data-chat-id='" + chatId + "'].generating"))
                .isEmpty();
    }

    /** Clicks the first match once it is enabled; a re-render between finding and clicking finds it again. */
    void click(String css) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            if (!element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    WebDriverWait await() {
        return wait;
    }

    Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(js, arguments);
    }
}
