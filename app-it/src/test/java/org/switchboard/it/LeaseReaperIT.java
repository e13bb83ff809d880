package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The lease reaper (a scheduled worker) ends runs whose instance died mid-run: such a run's lease is never renewed,
 * and the reaper (every second in this suite) ends it as incomplete, appending a terminal error event after the last
 * one.
 */
class LeaseReaperIT extends SwitchboardDeployment {
    private static final long RUN_ID = 4_000_000_000_000L + System.nanoTime() % 1_000_000;

    @Test
    void aRunWhoseLeaseExpiredEndsIncompleteWithAReason() throws Exception {
        try (Connection db = TestStack.jdbc()) {
            update(
                    db,
                    "INSERT INTO runs (id, tenant_id, owner_id, model, status, request, lease_owner, lease_expires_at, created_at, started_at)"
                            + " VALUES (?, 'acme', 'dave', 'sim', 'RUNNING', '{}', 'dead-instance', UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
            update(
                    db,
                    "INSERT INTO run_events (run_id, seq, tenant_id, type, data, created_at) VALUES"
                            + " (?, 1, 'acme', 'RUN', '{\"status\":\"running\"}', UTC_TIMESTAMP(6)),"
                            + " (?, 2, 'acme', 'DELTA', '{\"text\":\"partial answer\"}', UTC_TIMESTAMP(6))");
        }

        await("the reaper to end run " + RUN_ID).atMost(Duration.ofSeconds(20)).until(() -> "INCOMPLETE"
                .equals(status()));

        JsonObject run = Api.json(Api.get("/api/v1/runs/" + RUN_ID, TestStack.token("acme", "dave", "user"))
                .body());
        assertThat(run.getString("status")).isEqualTo("incomplete");
        assertThat(run.getString("status_reason")).contains("lease expired");
        assertThat(run.getString("output")).isEqualTo("partial answer");
        assertThat(run.getInt("last_seq")).isEqualTo(3);
        try (Connection db = TestStack.jdbc();
                PreparedStatement query =
                        db.prepareStatement("SELECT type, data FROM run_events WHERE run_id = ? AND seq = 3")) {
            query.setLong(1, RUN_ID);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("type")).isEqualTo("ERROR");
                assertThat(row.getString("data"))
                        .contains("urn:switchboard:problem:lease-expired")
                        .contains("\"status\":\"incomplete\"");
            }
        }
    }

    @Test
    void aRunGeneratingOnALiveInstanceKeepsItsLease() {
        // The suite's lease is 6 s; a 9 s generation outlives it only if heartbeats renew it.
        String token = TestStack.token("acme", "erin", "user");
        String runId = Runs.start(token, "slow", "X-Simulator-Tokens", "18", "X-Simulator-Delay-Ms", "500");
        await("the run to end")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !Runs.get(runId, token).getString("status").matches("queued|running"));
        assertThat(Runs.get(runId, token).getString("status")).isEqualTo("completed");
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setLong(i, RUN_ID);
            }
            statement.executeUpdate();
        }
    }

    private static String status() {
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            query.setLong(1, RUN_ID);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
