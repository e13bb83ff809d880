package org.switchboard.it;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A {@link HeadlessChromium} on the console, as the console's browser tests share it: the few gestures the tests
 * make on Vaadin components (whose ids sit on the component, the native input inside it).
 */
final class Browser implements AutoCloseable {
    private static final Path DOCS = Path.of("..", "docs");

    final WebDriver driver;
    final WebDriverWait wait;

    Browser() {
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens a console path ({@code "/admin/..."}). */
    Browser open(String path) {
        driver.get(Api.uri(path).toString());
        return this;
    }

    void signIn(String username, String password) {
        open("/admin/");
        type("username", username);
        type("password", password);
        click("sign-in");
    }

    /** Signs in and waits until the console's frame is shown. */
    void signedIn(String username, String password) {
        signIn(username, password);
        waitFor("sign-out");
    }

    WebElement waitFor(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Replaces the value of a Vaadin field (by the component's id) with {@code text}. */
    void type(String id, String text) {
        WebElement input = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input, #" + id + " textarea")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Chooses an item of a Vaadin combo box by typing its text and confirming it. */
    void choose(String id, String item) {
        type(id, item);
        driver.findElement(By.cssSelector("#" + id + " input")).sendKeys(Keys.ENTER);
    }

    /** Clicks a component, scrolled to the middle of its scrolling parent first (a long form's buttons). */
    void click(String id) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    boolean invalid(String id) {
        return driver.findElement(By.id(id)).getAttribute("invalid") != null;
    }

    String errorOf(String id) {
        return driver.findElement(By.cssSelector("#" + id + " [slot='error-message']"))
                .getText();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    String page() {
        return driver.getPageSource();
    }

    /** Saves what the browser shows as {@code docs/<name>.png}, the README's pictures of the console. */
    void screenshot(String name) {
        HeadlessChromium.screenshot(driver, DOCS.resolve(name + ".png"));
    }

    /** What the browser showed last, under target/, for a failed test's post-mortem. */
    @Override
    public void close() {
        HeadlessChromium.close(driver, "console");
    }
}
