package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's administration in a real headless Chromium (issue 16): providers and keys, routing policies and
 * operators, as a platform admin and as a tenant admin, with what they change checked over REST and in the
 * database. Writes the screenshots the README shows ({@code docs/console-*.png}).
 */
class ConsoleAdminIT extends SwitchboardDeployment {
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPlatformAdminCreatesAProviderWithAKeyTestsItAndRoutesAChatThroughANewPolicy() throws SQLException {
        String provider = unique("it-upstream");
        String alias = unique("it-alias");
        // The upstream is Switchboard itself, spoken to as an OpenAI-compatible API: the key is a bearer token.
        String secret = TestStack.token("demo", "upstream-caller", "user");

        browser.signedIn("admin", TestStack.adminPassword());
        assertThat(browser.driver
                        .findElement(By.cssSelector("#tenant-choice input"))
                        .getAttribute("value"))
                .isEqualTo("demo");
        browser.open("/admin/providers").click("new-provider");
        browser.type("provider-name", provider);
        browser.type("provider-base-url", Api.uri("/v1").toString());
        browser.click("provider-save");
        browser.wait.until(driver -> driver.getCurrentUrl().matches(".*/providers/\\d+"));
        String providerId = browser.driver.getCurrentUrl().replaceAll(".*/providers/", "");

        browser.click("add-key");
        browser.type("key-label", "it-key");
        browser.type("key-secret", secret);
        browser.click("key-save");
        browser.waitForText("keys-grid", "active");
        browser.type("test-model", "sim-fast");
        browser.click("test-connection");
        browser.waitForText("test-result", "OK: sim-fast answered in");
        assertThat(browser.page()).doesNotContain(secret).contains(secret.substring(secret.length() - 4));
        browser.screenshot("console-providers");

        browser.open("/admin/policies").click("new-policy");
        browser.type("policy-alias", alias);
        browser.choose("target-provider-0", provider);
        browser.type("target-model-0", "sim-fast");
        browser.type("target-output-price-0", "0.002");
        browser.click("policy-save");
        browser.wait.until(driver -> driver.getCurrentUrl().matches(".*/policies/\\d+"));
        String policyId = browser.driver.getCurrentUrl().replaceAll(".*/policies/", "");
        browser.click("dry-run");
        browser.waitForText("dry-run-verdict", "Would be served by " + provider + "/sim-fast");
        assertThat(browser.text("dry-run-grid")).contains("ready");
        browser.screenshot("console-policies");

        String user = unique("it-chatter");
        HttpResponse<String> chat = Api.postJson(
                "/v1/chat/completions",
                TestStack.token("demo", user, "user"),
                Api.chat(alias, false, "through the console's policy"));
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        String runId = chat.headers().firstValue("X-Run-Id").orElseThrow();
        JsonObject run = Api.json(Api.get("/api/v1/runs/" + runId, TestStack.token("demo", user, "user"))
                .body());
        assertThat(Admin.servedBy(run)).isEqualTo(provider + "/sim-fast");

        // The call, found where an operator looks for it: in Runs with its events, in the audit log, on the dashboard.
        browser.open("/admin/runs").type("filter-model", alias);
        browser.click("apply-filter");
        browser.waitForText("runs-grid", runId);
        assertThat(browser.text("runs-grid")).contains(user).contains(provider + "/sim-fast");
        browser.open("/admin/runs/" + runId).waitForText("events-grid", "done");
        assertThat(browser.text("run-title")).contains(runId);
        assertThat(browser.text("events-grid")).contains("run").contains("delta");
        assertThat(browser.page()).contains(provider + "/sim-fast");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(requestRowsOfRun(runId)).isEqualTo(1));
        browser.open("/admin/audit").type("audit-user", user);
        browser.click("audit-apply");
        browser.waitForText("audit-grid", runId);
        browser.type("audit-user", "admin");
        browser.type("audit-action", "provider.create");
        browser.click("audit-apply");
        browser.waitForText("audit-grid", "provider.create");
        browser.open("/admin/metrics");
        browser.wait.until(driver -> chartLines(browser, "chart-tokens").contains("demo · " + alias));
        assertThat(chartLines(browser, "chart-cost")).contains("demo · " + alias);

        // A change through the admin REST API is audited the same way as the console's.
        String restAdmin = unique("it-rest-admin");
        Admin.put(
                TestStack.token("demo", restAdmin, "admin"),
                "/api/v1/admin/policies/" + policyId,
                Json.createObjectBuilder().add("strategy", "weighted").build());

        List<Change> changes = changesOf("providers/" + providerId + "%", "policies/" + policyId);
        assertThat(changes)
                .extracting(Change::action)
                .containsExactly("provider.create", "key.add", "policy.create", "policy.update");
        assertThat(changes).extracting(Change::actor).containsExactly("admin", "admin", "admin", restAdmin);
        assertThat(changes.get(1).after()).contains("\"mask\"").doesNotContain(secret);
        assertThat(changes.get(3).before()).contains("\"strategy\":\"priority\"");
        assertThat(changes.get(3).after()).contains("\"strategy\":\"weighted\"");
    }

    /** The names of a dashboard chart's lines, as Chart.js holds them in the page. */
    @SuppressWarnings("unchecked")
    private static List<String> chartLines(Browser browser, String chart) {
        return (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "const c = window.Chart && Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas'));"
                                + " return c ? c.data.datasets.map(d => d.label) : [];",
                        chart);
    }

    @Test
    void aFormWithInvalidValuesShowsFieldErrorsAndSavesNothing() throws SQLException {
        String name = unique("it-badurl");
        browser.signedIn("admin", TestStack.adminPassword());
        browser.open("/admin/providers").click("new-provider");

        browser.type("provider-name", "not a name!");
        browser.type("provider-settings", "[1, 2");
        browser.click("provider-save");
        browser.wait.until(driver -> browser.invalid("provider-name") && browser.invalid("provider-settings"));
        assertThat(browser.errorOf("provider-name")).contains("letters, digits");
        assertThat(browser.errorOf("provider-settings")).contains("JSON object");

        // Fields the form cannot judge on its own: the boundary refuses them, on the same fields.
        browser.type("provider-name", name);
        browser.type("provider-settings", "{}");
        browser.type("provider-base-url", "not a url");
        browser.click("provider-save");
        browser.wait.until(driver -> browser.invalid("provider-base-url"));
        assertThat(browser.errorOf("provider-base-url")).contains("http(s) URL");
        browser.screenshot("console-provider-errors");

        browser.open("/admin/policies").click("new-policy");
        browser.type("policy-alias", "bad alias!");
        browser.type("target-model-0", "m");
        browser.click("policy-save");
        browser.wait.until(driver -> browser.invalid("policy-alias") && browser.invalid("target-provider-0"));

        assertThat(count("SELECT COUNT(*) FROM providers WHERE name = ?", name)).isZero();
        assertThat(count("SELECT COUNT(*) FROM routing_policies WHERE alias = ?", "bad alias!"))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'provider.create' AND after_state LIKE ?",
                        "%" + name + "%"))
                .isZero();
    }

    @Test
    void aTenantAdminNeitherSeesNorOpensAnotherTenantsProvidersAndPolicies() throws SQLException {
        String other = unique("it-other");
        String mine = unique("it-mine");
        String otherToken = TestStack.token(other, "other-admin", "admin");
        String hidden = unique("it-hidden");
        JsonObject otherProvider = Admin.simulator(otherToken, hidden, Json.createObjectBuilder());
        JsonObject otherPolicy = Admin.createPolicy(
                otherToken,
                hidden,
                "priority",
                Json.createArrayBuilder().add(Admin.target(hidden, "sim-fast")).build(),
                Json.createObjectBuilder().build());
        String operator = unique("it-op");
        String password = "it-operator-password-1";

        browser.signedIn("admin", TestStack.adminPassword());
        assertThat(browser.text("zone")).startsWith("Times in ");
        browser.open("/admin/providers").waitFor("new-provider");
        assertThat(browser.page()).doesNotContain(hidden);
        browser.choose("tenant-choice", other); // a platform admin acts for any tenant
        browser.wait.until(driver -> driver.getPageSource().contains(hidden));
        browser.open("/admin/operators").click("new-operator");
        browser.type("operator-username", operator);
        browser.type("operator-password", password);
        browser.type("operator-tenant", mine);
        browser.click("operator-save");
        browser.waitForText("operators-grid", operator);
        browser.screenshot("console-operators");
        browser.click("sign-out");

        browser.signedIn(operator, password);
        assertThat(browser.text("tenant-name")).contains(mine);
        assertThat(browser.driver.findElements(By.id("nav-operators"))).isEmpty();
        browser.open("/admin/providers").waitFor("new-provider");
        assertThat(browser.page()).doesNotContain(hidden);
        browser.open("/admin/providers/" + otherProvider.getString("id")).waitFor("provider-not-found");
        assertThat(browser.page()).doesNotContain(hidden);
        assertThat(browser.driver.findElements(By.id("provider-form"))).isEmpty();
        browser.open("/admin/policies/" + otherPolicy.getString("id")).waitFor("policy-not-found");
        assertThat(browser.page()).doesNotContain(hidden);
        browser.open("/admin/operators").waitFor("operators-forbidden");
        assertThat(browser.driver.findElements(By.id("operators-grid"))).isEmpty();
        browser.click("sign-out");

        browser.signedIn("admin", TestStack.adminPassword());
        browser.open("/admin/operators").click("disable-" + operator);
        browser.waitForText("operators-grid", "disabled");
        browser.click("sign-out");
        browser.signIn(operator, password);
        browser.waitForText("login-error", "wrong password");

        String renewed = "it-operator-password-2";
        browser.signedIn("admin", TestStack.adminPassword());
        browser.open("/admin/operators").click("enable-" + operator);
        browser.waitFor("disable-" + operator);
        browser.click("reset-" + operator);
        browser.type("reset-password", renewed);
        browser.click("reset-save");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reset-password")));
        browser.click("sign-out");
        browser.signIn(operator, password);
        browser.waitForText("login-error", "wrong password");
        browser.signedIn(operator, renewed);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE action IN ('operator.create', 'operator.disable')"
                                + " AND after_state LIKE ?",
                        "%\"" + operator + "\"%"))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'operator.password' AND after_state LIKE ?",
                        "%\"" + operator + "\"%"))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log"
                                + " WHERE CONCAT(COALESCE(before_state, ''), COALESCE(after_state, '')) LIKE ?",
                        "%" + renewed + "%"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE after_state LIKE ?", "%" + password + "%"))
                .isZero();
    }

    record Change(String action, String actor, String before, String after) {}

    private static List<Change> changesOf(String providerRoutes, String policyRoute) throws SQLException {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement("SELECT action, actor, before_state, after_state"
                        + " FROM audit_log WHERE method = 'CHANGE' AND (route LIKE ? OR route = ?) ORDER BY id")) {
            query.setString(1, providerRoutes);
            query.setString(2, policyRoute);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return changes;
        }
    }

    private static long requestRowsOfRun(String runId) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_log WHERE run_id = ? AND method = 'POST'", runId);
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
