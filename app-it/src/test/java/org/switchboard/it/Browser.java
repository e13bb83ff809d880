package org.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the console, as the browser tests share it: the Debian chromium and chromedriver (a test
 * tool's own browser download fails here), one fresh profile per browser, and the few gestures the tests make on
 * Vaadin components (whose ids sit on the component, the native input inside it).
 */
final class Browser implements AutoCloseable {
    private static final Path DOCS = Path.of("..", "docs");

    final WebDriver driver;
    final WebDriverWait wait;

    Browser() {
        try {
            ChromeOptions options = new ChromeOptions()
                    .setBinary("/usr/bin/chromium")
                    .addArguments(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--window-size=1400,900",
                            "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
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
        try {
            Files.createDirectories(DOCS);
            Files.write(DOCS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser showed last, under target/, for a failed test's post-mortem. */
    @Override
    public void close() {
        try {
            Files.write(
                    Path.of("target", "console-" + System.nanoTime() + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // the screenshot is a courtesy; quitting the browser is not
        } finally {
            driver.quit();
        }
    }
}
