package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Vaadin console in a real headless Chromium: sign in, and see a run the test just created. */
class ConsoleIT extends SwitchboardDeployment {
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        HeadlessChromium.close(browser, "console");
    }

    private void signIn(String password) {
        browser.get(Api.uri("/admin/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#username input")));
        browser.findElement(By.cssSelector("#username input")).sendKeys("admin");
        browser.findElement(By.cssSelector("#password input")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    @Test
    void anOperatorSignsInAndSeesARunCreatedThroughTheApi() {
        String user = "console-" + UUID.randomUUID().toString().substring(0, 8);
        var response = Api.postJson(
                "/v1/chat/completions",
                TestStack.token("demo", user, "user"),
                Api.chat("sim-fast", false, "show me in the console"));
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();

        signIn(TestStack.adminPassword());

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs-grid")));
        wait.until(driver -> driver.getPageSource().contains(runId));
        assertThat(browser.getPageSource()).contains(user).contains("completed");
        assertThat(browser.getCurrentUrl()).doesNotContain("login");
    }

    @Test
    void aWrongPasswordIsRefused() {
        signIn("not-the-password");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "wrong password"));
        assertThat(browser.findElements(By.id("runs-grid"))).isEmpty();
    }

    @Test
    void theRunsViewNeedsASignIn() {
        browser.get(Api.uri("/admin/runs").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        assertThat(browser.findElements(By.id("runs-grid"))).isEmpty();
    }
}
