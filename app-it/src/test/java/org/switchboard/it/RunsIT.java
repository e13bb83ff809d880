package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.it.Problems.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs are recorded with their events, scoped to tenant and owner, and every request is audited. */
class RunsIT extends SwitchboardDeployment {
    private final String alice = TestStack.token("acme", "alice", "user");

    private String completeRun(String token) {
        HttpResponse<String> response = Api.postJson(
                "/v1/chat/completions", token, Api.chat("sim-fast", false, "record me"), "X-Simulator-Tokens", "6");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-Run-Id").orElseThrow();
    }

    @Test
    void aRunIsRecordedWithItsEventsInOrder() throws SQLException {
        String runId = completeRun(alice);

        JsonObject run = Api.json(Api.get("/api/v1/runs/" + runId, alice).body());
        assertThat(run.getString("id")).isEqualTo(runId);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("model")).isEqualTo("sim-fast");
        assertThat(run.getJsonObject("usage").getInt("output_tokens")).isEqualTo(6);
        assertThat(run.getInt("last_seq")).isEqualTo(9); // run + 6 deltas + usage + done

        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement(
                        "SELECT seq, type, tenant_id FROM run_events WHERE run_id = ? ORDER BY seq")) {
            query.setLong(1, Long.parseLong(runId));
            StringBuilder types = new StringBuilder();
            int expectedSeq = 1;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getInt("seq")).isEqualTo(expectedSeq++);
                    assertThat(rows.getString("tenant_id")).isEqualTo("acme");
                    types.append(rows.getString("type").charAt(0));
                }
            }
            assertThat(types.toString()).isEqualTo("RDDDDDDUD");
        }
    }

    @Test
    void idsAreStringsAndTimeOrdered() {
        String first = completeRun(alice);
        String second = completeRun(alice);
        assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
        assertThat(Api.json(Api.get("/api/v1/runs/" + first, alice).body())
                        .get("id")
                        .getValueType())
                .isEqualTo(jakarta.json.JsonValue.ValueType.STRING);
    }

    @Test
    void anotherTenantsRunIsNotFound() {
        String runId = completeRun(alice);
        String mallory = TestStack.token("globex", "alice", "user", "admin");
        assertProblem(Api.get("/api/v1/runs/" + runId, mallory), 404, "run-not-found");
    }

    @Test
    void anotherUsersRunIsNotFoundUnlessTheCallerIsAnAdminOfTheTenant() {
        String runId = completeRun(alice);
        assertProblem(Api.get("/api/v1/runs/" + runId, TestStack.token("acme", "bob", "user")), 404, "run-not-found");
        assertThat(Api.get("/api/v1/runs/" + runId, TestStack.token("acme", "carol", "admin"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyRequestIsAuditedUnderItsRequestId() throws Exception {
        String requestId = "it-" + UUID.randomUUID();
        HttpResponse<String> response = Api.postJson(
                "/v1/chat/completions", alice, Api.chat("sim-fast", false, "audit me"), "X-Request-Id", requestId);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
        String refusedId = "it-" + UUID.randomUUID();
        Api.send(Api.request("/v1/models", null)
                .header("X-Request-Id", refusedId)
                .GET()
                .build());

        await("audit rows")
                .atMost(Duration.ofSeconds(10))
                .until(() -> auditRow(requestId) != null && auditRow(refusedId) != null);
        AuditRow row = auditRow(requestId);
        assertThat(row.tenant()).isEqualTo("acme");
        assertThat(row.actor()).isEqualTo("alice");
        assertThat(row.method()).isEqualTo("POST");
        assertThat(row.route()).isEqualTo("/v1/chat/completions");
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.latencyMillis()).isGreaterThanOrEqualTo(0);
        assertThat(row.runId()).isEqualTo(runId);
        AuditRow refused = auditRow(refusedId);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.tenant()).isNull();
    }

    record AuditRow(
            String tenant, String actor, String method, String route, int status, long latencyMillis, String runId) {}

    private static AuditRow auditRow(String requestId) {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement("SELECT * FROM audit_log WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new AuditRow(
                        rows.getString("tenant_id"),
                        rows.getString("actor"),
                        rows.getString("method"),
                        rows.getString("route"),
                        rows.getInt("status"),
                        rows.getLong("latency_ms"),
                        rows.getString("run_id"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
