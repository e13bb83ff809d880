package org.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium signed in to the console (the Debian chromium and chromedriver, never a download by
 * Selenium Manager), with the few moves the console tests make: open a route, wait for text, type into a Vaadin
 * field, fetch a download with the session's cookie, and keep a screenshot.
 */
final class ConsoleBrowser implements AutoCloseable {
    final WebDriver driver;
    final WebDriverWait wait;

    ConsoleBrowser() {
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
                            "--window-size=1400,1000",
                            "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .build();
            driver = new ChromeDriver(service, options);
            wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConsoleBrowser signIn(String username, String password) {
        driver.get(Api.uri("/admin/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#username input")));
        driver.findElement(By.cssSelector("#username input")).sendKeys(username);
        driver.findElement(By.cssSelector("#password input")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs-grid")));
        return this;
    }

    /** Opens a console route ({@code runs/123}) and waits for the element with {@code id} to show. */
    ConsoleBrowser open(String route, String id) {
        driver.get(Api.uri("/admin/" + route).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        return this;
    }

    ConsoleBrowser waitForText(String text) {
        wait.until(browser -> browser.getPageSource().contains(text));
        return this;
    }

    String page() {
        return driver.getPageSource();
    }

    void type(String fieldId, String text) {
        driver.findElement(By.cssSelector("#" + fieldId + " input")).sendKeys(text);
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /** Clicks the grid cell showing exactly {@code text} (selects its row, or opens it). */
    void clickCell(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + text + "']")))
                .click();
    }

    /**
     * The texts of the grid cells a person sees now. The page source is no guide: a grid keeps the content of rows
     * it no longer shows (after a filter leaves fewer items) in hidden cells.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> gridTexts(String gridId) {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                        + ".filter(c => c.checkVisibility() && c.getBoundingClientRect().height > 0)"
                        + ".map(c => c.textContent.trim());",
                driver.findElement(By.id(gridId)));
    }

    /** GETs a URL of the console (a download) within the browser's session and returns the body. */
    String fetch(String href) {
        Object body = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done,"
                                + " e => done('FETCH FAILED ' + e));",
                        href);
        return (String) body;
    }

    /** Keeps a screenshot of the page under the repository's {@code docs/}. */
    void screenshot(String name) {
        try {
            Path docs = Path.of("..", "docs");
            Files.createDirectories(docs);
            Files.write(docs.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
