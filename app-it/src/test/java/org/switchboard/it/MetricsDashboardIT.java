package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The metrics dashboard in a real headless Chromium: after some runs its charts have data, and
 * a run made while it is open shows up without a reload (server push). Its screenshot is the README's.
 */
class MetricsDashboardIT extends SwitchboardDeployment {
    private static final Path SCREENSHOT = Path.of("..", "docs", "console-metrics.png");
    private final String token = TestStack.token("demo", "dashboard-user", "user");
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1400, 1300)); // the whole dashboard in the screenshot
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        HeadlessChromium.close(browser, "metrics");
    }

    @Test
    void theChartsShowTheRunsOfTheLastHourAndARunMadeWhileOpenAppearsByPush() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(Api.postJson("/v1/chat/completions", token, Api.chat("sim-fast", true, "chart me"))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(Api.postJson(
                                "/v1/chat/completions",
                                token,
                                Api.chat("sim-fast", false, "fail me"),
                                "X-Simulator-Fault",
                                "error")
                        .statusCode())
                .isEqualTo(502);

        signIn();
        browser.get(Api.uri("/admin/metrics").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-requests canvas")));
        wait.until(driver -> total("chart-requests", 0) >= 4);
        wait.until(driver -> total("chart-requests", 1) >= 1); // an error class line
        wait.until(driver -> total("chart-first-token", 0) > 0); // p50
        wait.until(driver -> datasets("chart-tokens") >= 1 && total("chart-tokens", 0) > 0);
        assertThat(browser.findElements(By.id("metrics-empty"))).noneMatch(WebElement::isDisplayed);

        double before = total("chart-requests", 0);
        Api.postJson("/v1/chat/completions", token, Api.chat("sim-fast", false, "push me"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> total("chart-requests", 0) > before);

        HeadlessChromium.screenshot(browser, SCREENSHOT);
    }

    private void signIn() {
        browser.get(Api.uri("/admin/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#username input")));
        browser.findElement(By.cssSelector("#username input")).sendKeys("admin");
        browser.findElement(By.cssSelector("#password input")).sendKeys(TestStack.adminPassword());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    /** The sum of one line of a chart, as Chart.js holds it in the page; 0 while it has no such line. */
    private double total(String chart, int dataset) {
        Object sum = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = window.Chart && Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas'));"
                                + " const d = c && c.data.datasets[arguments[1]];"
                                + " return d ? d.data.reduce((a, b) => a + (b || 0), 0) : 0;",
                        chart,
                        dataset);
        return ((Number) sum).doubleValue();
    }

    private long datasets(String chart) {
        Object count = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = window.Chart && Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas'));"
                                + " return c ? c.data.datasets.length : 0;",
                        chart);
        return ((Number) count).longValue();
    }
}
