package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The Vaadin console in a real headless Chromium: sign in, and see a run the test just created. */
class ConsoleIT extends SwitchboardDeployment {
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anOperatorSignsInAndSeesARunCreatedThroughTheApi() {
        String user = "console-" + UUID.randomUUID().toString().substring(0, 8);
        var response = Api.postJson(
                "/v1/chat/completions",
                TestStack.token("demo", user, "user"),
                Api.chat("sim-fast", false, "show me in the console"));
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();

        browser.signIn("admin", TestStack.adminPassword());

        browser.waitFor("runs-grid");
        browser.wait.until(driver -> driver.getPageSource().contains(runId));
        assertThat(browser.page()).contains(user).contains("completed");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("login");
    }

    @Test
    void aWrongPasswordIsRefused() {
        browser.signIn("admin", "not-the-password");

        browser.waitForText("login-error", "wrong password");
        assertThat(browser.driver.findElements(By.id("runs-grid"))).isEmpty();
    }

    @Test
    void theRunsViewNeedsASignIn() {
        browser.open("/admin/runs");
        browser.waitFor("sign-in");
        assertThat(browser.driver.findElements(By.id("runs-grid"))).isEmpty();
    }
}
