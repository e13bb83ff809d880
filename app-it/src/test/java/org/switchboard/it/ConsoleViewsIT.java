package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's runs, run page, audit log, webhook deliveries and tenants in a real headless Chromium, against
 * calls made over REST. A tenant admin's console shows their tenant only, in the views and on typed routes.
 * Each test keeps a screenshot of the view it exercises under {@code docs/}.
 */
class ConsoleViewsIT extends SwitchboardDeployment {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private ConsoleBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new ConsoleBrowser();
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

        browser.signIn("admin", TestStack.adminPassword()).waitForText(runId);
        assertThat(browser.page()).contains(user).contains(tenant).contains("completed");
        browser.screenshot("console-runs.png");

        browser.clickCell(runId);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("events-grid")));
        browser.waitForText("First token");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/runs/" + runId);
        assertThat(browser.page())
                .contains("Run " + runId)
                .contains(">run<")
                .contains(">delta<")
                .contains(">done<")
                .contains("Served by: ");
        assertThat(browser.driver.findElement(By.id("run-timings")).getText())
                .matches("First token [\\d,]+ ms .*total [\\d,]+ ms");
        browser.screenshot("console-run.png");
    }

    @Test
    void aLiveRunIsCancelledFromItsPageAndFoundByItsErrorClass() {
        String tenant = "cv-cancel-" + suffix;
        String token = TestStack.token(tenant, "slow-" + suffix, "user");
        String completed = chat(tenant, "quick-" + suffix, "done at once");
        String live = Runs.start(token, "take your time", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "300");

        browser.signIn("admin", TestStack.adminPassword()).open("runs/" + live, "cancel-run");
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

        browser.open("runs", "filter-error-class").type("filter-error-class", "cancelled");
        browser.click("apply-filter");
        browser.wait.until(page -> browser.gridTexts("runs-grid").contains(live)
                && !browser.gridTexts("runs-grid").contains(completed));
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

        browser.signIn(operator, TestStack.adminPassword()).waitForText(ownRun);
        assertThat(browser.page())
                .doesNotContain(otherRun)
                .doesNotContain(otherUser)
                .doesNotContain(other);
        assertThat(browser.driver.findElement(By.id("filter-tenant")).isDisplayed())
                .isFalse();

        browser.open("runs/" + otherRun, "run-not-found");
        assertThat(browser.page()).doesNotContain(otherUser).doesNotContain(other);
        browser.open("runs/" + ownRun, "events-grid");

        browser.open("audit", "audit-grid").waitForText(ownUser);
        assertThat(browser.page()).doesNotContain(otherUser).doesNotContain(other);
        String csv =
                browser.fetch(browser.driver.findElement(By.id("audit-export")).getAttribute("href"));
        assertThat(csv).contains(ownUser).doesNotContain(otherUser).doesNotContain(other);

        browser.open("tenants", "tenants-grid").waitForText(own);
        assertThat(browser.page()).doesNotContain(other);
        browser.open("deliveries", "deliveries-grid");
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

        browser.signIn("admin", TestStack.adminPassword())
                .open("audit", "audit-grid")
                .waitForText(unwanted);
        browser.type("audit-user", wanted);
        browser.click("audit-apply");
        browser.wait.until(page -> browser.gridTexts("audit-grid").contains(wanted)
                && !browser.gridTexts("audit-grid").contains(unwanted));
        browser.screenshot("console-audit.png");

        String csv =
                browser.fetch(browser.driver.findElement(By.id("audit-export")).getAttribute("href"));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("time_utc,tenant,user,method,route,status,latency_ms,run_id,request_id");
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

            browser.signIn("admin", TestStack.adminPassword()).open("deliveries", "deliveries-grid");
            browser.waitForText(runId).clickCell(runId);
            browser.waitForText("HTTP 500");
            answer.set(204);
            browser.click("retry-delivery");
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus(runId)));
            browser.click("refresh-deliveries");
            browser.waitForText("DELIVERED").clickCell(runId);
            browser.waitForText("HTTP 204");
            browser.screenshot("console-deliveries.png");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aTenantsUsageIsShownAndItsWebhookSecretRotatedAndShownOnce() {
        String tenant = "cv-usage-" + suffix;
        chat(tenant, "first-" + suffix, "count me");
        chat(tenant, "second-" + suffix, "count me too");

        browser.signIn("admin", TestStack.adminPassword())
                .open("tenants", "tenants-grid")
                .waitForText(tenant);
        browser.clickCell(tenant);
        browser.waitForText("Tenant " + tenant).waitForText("first-" + suffix).waitForText("second-" + suffix);
        browser.click("rotate-secret");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-secret input")));
        String shown =
                browser.driver.findElement(By.cssSelector("#new-secret input")).getAttribute("value");
        assertThat(shown).startsWith("whsec_");
        String current = Api.json(Api.get("/api/v1/webhooks/secret", TestStack.token(tenant, "boss", "admin"))
                        .body())
                .getString("secret");
        assertThat(current).isEqualTo(shown);
        browser.screenshot("console-tenants.png");
        browser.click("close-secret");
        browser.wait.until(page -> !browser.page().contains(shown));
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
