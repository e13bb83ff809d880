package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One tenant never sees another's rows (SPEC §6): every tenant-owned endpoint answers another tenant's ids with
 * 404, exactly like ids that do not exist, and leaves the rows as they were; within a tenant, a user without the
 * {@code admin} role sees only their own runs and no admin resources. Global rows stay readable, and writable by
 * platform admins only.
 */
class TenantIsolationIT extends SwitchboardDeployment {
    /** Tenants of this test run: a database kept from an earlier local run holds the same names in other ones. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final String tenantA = "isolation-a-" + RUN;
    private final String tenantB = "isolation-b-" + RUN;
    private final String ownerA = TestStack.token(tenantA, "owner", "user");
    private final String colleagueA = TestStack.token(tenantA, "colleague", "user");
    private final String adminA = TestStack.token(tenantA, "ops", "admin");
    private final String adminB = TestStack.token(tenantB, "ops", "admin");
    private final String ownerB = TestStack.token(tenantB, "owner", "user");

    @Test
    void anotherTenantsRunAnswers404OnEveryRunEndpointAndIsNotCancelled() throws SQLException {
        String runId = Runs.start(ownerA, "mine", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "50");

        for (String stranger : List.of(adminB, ownerB)) {
            assertRunHidden(runId, stranger);
        }

        assertThat(Api.get("/api/v1/runs/" + runId, ownerA).statusCode()).isEqualTo(200);
        assertThat(cancelRequested(runId))
                .as("tenant B's cancel changed nothing")
                .isFalse();
        assertThat(Runs.get(runId, ownerA).getString("status")).isIn("queued", "running");
        assertThat(cancel(runId, ownerA).statusCode())
                .as("the owner may cancel")
                .isEqualTo(200);
    }

    @Test
    void aColleagueWithoutTheAdminRoleSees404ForAnotherUsersRunAndTheTenantAdminSeesIt() {
        String runId = Runs.start(ownerA, "mine", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "50");

        assertRunHidden(runId, colleagueA);

        assertThat(Api.get("/api/v1/runs/" + runId, adminA).statusCode())
                .as("a tenant admin sees every run of the tenant")
                .isEqualTo(200);
        assertThat(Api.get("/api/v1/runs/" + runId, ownerA).statusCode()).isEqualTo(200);
        assertThat(cancel(runId, adminA).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherTenantsProvidersKeysAndPoliciesAnswer404AndStayAsTheyWere() throws SQLException {
        JsonObject provider =
                Admin.simulator(adminA, "own-sim", Json.createObjectBuilder().add("tokens", 2));
        String providerId = provider.getString("id");
        String keyId = Api.json(Api.postJson(
                                "/api/v1/admin/providers/" + providerId + "/keys",
                                adminA,
                                "{\"label\":\"prod\",\"secret\":\"sk-isolation-secret-1234\"}")
                        .body())
                .getString("id");
        JsonObject policy = Admin.createPolicy(
                adminA,
                "isolated",
                "priority",
                Json.createArrayBuilder()
                        .add(Admin.target("own-sim", "sim-fast"))
                        .build(),
                Json.createObjectBuilder().build());
        String policyId = policy.getString("id");
        String providersBefore = rows("providers", providerId);
        String keysBefore = rows("provider_keys", keyId);
        String policiesBefore = rows("routing_policies", policyId);

        List<HttpResponse<String>> answers = new ArrayList<>();
        String providerPath = "/api/v1/admin/providers/" + providerId;
        String keyPath = providerPath + "/keys/" + keyId;
        String policyPath = "/api/v1/admin/policies/" + policyId;
        answers.add(Api.get(providerPath, adminB));
        answers.add(put(providerPath, adminB, "{\"name\":\"taken-over\",\"enabled\":false}"));
        answers.add(delete(providerPath, adminB));
        answers.add(Api.get(providerPath + "/models", adminB));
        answers.add(Api.get(providerPath + "/keys", adminB));
        answers.add(
                Api.postJson(providerPath + "/keys", adminB, "{\"label\":\"mine\",\"secret\":\"sk-planted-0000\"}"));
        answers.add(put(keyPath, adminB, "{\"status\":\"disabled\"}"));
        answers.add(delete(keyPath, adminB));
        answers.add(Api.get(policyPath, adminB));
        answers.add(put(policyPath, adminB, "{\"alias\":\"taken-over\",\"enabled\":false}"));
        answers.add(delete(policyPath, adminB));
        for (HttpResponse<String> answer : answers) {
            assertNotFound(answer);
        }

        assertThat(Api.get("/api/v1/admin/providers", adminB).body()).doesNotContain(providerId);
        assertThat(Api.get("/api/v1/admin/policies", adminB).body()).doesNotContain(policyId);
        assertThat(rows("providers", providerId)).isEqualTo(providersBefore);
        assertThat(rows("provider_keys", keyId)).isEqualTo(keysBefore);
        assertThat(rows("routing_policies", policyId)).isEqualTo(policiesBefore);
        assertThat(rows("provider_keys", "provider_id", providerId))
                .as("no key planted")
                .isEqualTo(1);
        assertThat(Api.get(providerPath, adminA).statusCode()).isEqualTo(200);
        assertThat(Api.get(policyPath, adminA).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherTenantsChatAnswers404OnEveryChatEndpointAndStaysAsItWas() throws SQLException {
        String chatId = ChatApi.create(ownerA, "private").getString("id");
        ChatApi.sent(ownerA, chatId, ChatApi.message("sim-fast", "secret question"));
        String answerId = ChatApi.leaf(ChatApi.idle(ownerA, chatId)).getString("id");
        String chatBefore = rows("chats", chatId);
        String answerBefore = rows("chat_messages", answerId);

        for (String stranger : List.of(adminB, ownerB, colleagueA)) {
            String path = "/api/v1/chats/" + chatId;
            List<HttpResponse<String>> answers = List.of(
                    Api.get(path, stranger),
                    ChatApi.patch(stranger, path, "{\"title\":\"taken over\"}"),
                    ChatApi.send(stranger, chatId, ChatApi.message("sim-fast", "planted")),
                    Api.postJson(path + "/messages/" + answerId + "/regenerate", stranger, "{}"),
                    ChatApi.put(stranger, path + "/current", "{\"message_id\":\"" + answerId + "\"}"),
                    Api.postJson(path + "/stop", stranger, ""),
                    ChatApi.delete(stranger, path));
            for (HttpResponse<String> answer : answers) {
                assertNotFound(answer);
            }
            assertThat(Api.get("/api/v1/chats?all=true", stranger).body()).doesNotContain(chatId);
        }

        assertThat(rows("chats", chatId)).isEqualTo(chatBefore);
        assertThat(rows("chat_messages", answerId)).isEqualTo(answerBefore);
        assertThat(rows("chat_messages", "chat_id", chatId)).isEqualTo(2);
        assertThat(Api.get("/api/v1/chats/" + chatId, adminA).statusCode())
                .as("a tenant admin sees every chat of the tenant")
                .isEqualTo(200);
    }

    @Test
    void aUserWithoutTheAdminRoleGets403ForAdminResourcesOfTheirOwnTenant() {
        JsonObject provider = Admin.simulator(adminA, "colleague-sim", Json.createObjectBuilder());
        String providerPath = "/api/v1/admin/providers/" + provider.getString("id");

        List<HttpResponse<String>> answers = List.of(
                Api.get("/api/v1/admin/providers", colleagueA),
                Api.get(providerPath, colleagueA),
                put(providerPath, colleagueA, "{\"enabled\":false}"),
                delete(providerPath, colleagueA),
                Api.get(providerPath + "/keys", colleagueA),
                Api.get("/api/v1/admin/policies", colleagueA),
                Api.postJson("/api/v1/admin/providers", colleagueA, "{\"name\":\"mine\",\"kind\":\"simulator\"}"),
                Api.get("/api/v1/webhooks/secret", colleagueA));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode())
                    .as(answer.request().method() + " " + answer.uri())
                    .isEqualTo(403);
        }
        assertThat(Api.get(providerPath, adminA).statusCode()).isEqualTo(200);
    }

    @Test
    void globalRowsAreReadableByEveryTenantAndWritableByPlatformAdminsOnly() {
        JsonObject global = Api.json(Api.get("/api/v1/admin/providers", adminB).body())
                .getJsonArray("data")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(p -> p.getString("scope").equals("global"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no global provider is visible to a tenant"));
        String path = "/api/v1/admin/providers/" + global.getString("id");

        assertThat(Api.get(path, adminA).statusCode()).isEqualTo(200);
        assertThat(Api.get(path, adminB).statusCode()).isEqualTo(200);
        assertThat(put(path, adminB, "{\"enabled\":false}").statusCode()).isEqualTo(403);
        assertThat(delete(path, adminB).statusCode()).isEqualTo(403);
        assertThat(Api.json(Api.get(path, adminA).body()).getBoolean("enabled"))
                .isEqualTo(global.getBoolean("enabled"));
    }

    @Test
    void eachTenantReadsOnlyItsOwnWebhookSecret() {
        HttpResponse<String> secretA = Api.get("/api/v1/webhooks/secret", adminA);
        HttpResponse<String> secretB = Api.get("/api/v1/webhooks/secret", adminB);

        assertThat(secretA.statusCode()).isEqualTo(200);
        assertThat(secretB.statusCode()).isEqualTo(200);
        String a = Api.json(secretA.body()).getString("secret");
        String b = Api.json(secretB.body()).getString("secret");
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Api.json(Api.get("/api/v1/webhooks/secret?tenant=" + tenantA, adminB)
                                .body())
                        .getString("secret"))
                .as("no request names another tenant's secret")
                .isEqualTo(b);
        assertThat(Api.json(Api.get("/api/v1/webhooks/secret", adminA).body()).getString("secret"))
                .as("stable")
                .isEqualTo(a);
    }

    /** Every run endpoint answers {@code token} 404 for the run, as for a run that does not exist. */
    private static void assertRunHidden(String runId, String token) {
        String path = "/api/v1/runs/" + runId;
        assertNotFound(Api.get(path, token));
        assertNotFound(Api.get(path + "?after=0", token));
        assertNotFound(Api.get(path + "?after=0&wait=1", token));
        assertNotFound(Api.send(Api.request(path + "/events", token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(15))
                .GET()
                .build()));
        assertNotFound(cancel(runId, token));
    }

    private static void assertNotFound(HttpResponse<String> answer) {
        assertThat(answer.statusCode())
                .as(answer.request().method() + " " + answer.uri() + ": " + answer.body())
                .isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static HttpResponse<String> cancel(String runId, String token) {
        return Api.send(Api.request("/api/v1/runs/" + runId + "/cancel", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpResponse<String> put(String path, String token, String json) {
        return Api.send(Api.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static HttpResponse<String> delete(String path, String token) {
        return Api.send(Api.request(path, token).DELETE().build());
    }

    private static boolean cancelRequested(String runId) throws SQLException {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query =
                        db.prepareStatement("SELECT cancel_requested, status FROM runs WHERE id = ?")) {
            query.setLong(1, Long.parseLong(runId));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBoolean(1) || row.getString(2).equals("CANCELLED");
            }
        }
    }

    /** The whole row, every column, as text: to compare before and after. */
    private static String rows(String table, String id) throws SQLException {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            query.setLong(1, Long.parseLong(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(table + " " + id + " exists").isTrue();
                StringBuilder columns = new StringBuilder();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    byte[] value = row.getBytes(column);
                    columns.append(row.getMetaData().getColumnName(column))
                            .append('=')
                            .append(
                                    value == null
                                            ? "null"
                                            : java.util.HexFormat.of().formatHex(value))
                            .append(';');
                }
                return columns.toString();
            }
        }
    }

    private static int rows(String table, String column, String value) throws SQLException {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query =
                        db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            query.setLong(1, Long.parseLong(value));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
