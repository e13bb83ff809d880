package org.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The real browser of the browser tests: Debian's headless Chromium driven by Debian's chromedriver, never a
 * download by Selenium Manager. A {@link ChromeDriver} also reaches the DevTools protocol
 * ({@code executeCdpCommand}), e.g. to cut the network for a moment.
 */
final class HeadlessChromium {
    private HeadlessChromium() {}

    static ChromeDriver start() {
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
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what the browser shows as a PNG (a failing test's last screen, or a picture for the docs). */
    static void screenshot(WebDriver browser, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a last screenshot into {@code target/} and closes the browser. */
    static void close(WebDriver browser, String name) {
        if (browser != null) {
            try {
                screenshot(browser, Path.of("target", name + "-" + System.nanoTime() + ".png"));
            } finally {
                browser.quit();
            }
        }
    }
}
