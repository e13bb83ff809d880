package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * After the retention period (15 s in this suite) a run answers 410 Gone on every endpoint; the purge (at second 15
 * of every minute) then deletes its events and keeps its row as an {@code EXPIRED} tombstone, which still answers
 * 410 rather than 404.
 */
class RetentionIT extends SwitchboardDeployment {
    @Test
    void aRunPastItsRetentionIsGone() throws SQLException {
        String token = TestStack.token("demo", "retention-user", "user");
        String runId = Runs.start(token, "forget me", "X-Simulator-Tokens", "2", "X-Simulator-Delay-Ms", "0");
        await("the run to end")
                .atMost(Duration.ofSeconds(10))
                .until(() -> Runs.get(runId, token).getString("status").equals("completed"));
        // Counted before the retention ends, so the purge cannot have come first.
        assertThat(eventRows(runId)).as("the events of a retained run").isEqualTo(5); // run, 2 deltas, usage, done

        await("410 Gone")
                .atMost(Duration.ofSeconds(40))
                .until(() -> Api.get("/api/v1/runs/" + runId, token).statusCode() == 410);
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId, token), 410, "run-expired");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId + "/events", token), 410, "run-expired");
        // Still another tenant's business: not even its expiry is visible to them.
        Problems.assertProblem(
                Api.get("/api/v1/runs/" + runId, TestStack.token("globex", "retention-user", "user")),
                404,
                "run-not-found");

        // The purge runs once a minute: within 75 s of the run's end, 60 s of its answering 410.
        await("the purge to leave a tombstone")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "EXPIRED".equals(runStatus(runId)));
        assertThat(eventRows(runId)).as("the events of a purged run").isZero();
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId, token), 410, "run-expired");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId + "/events", token), 410, "run-expired");
        Problems.assertProblem(
                Api.get("/api/v1/runs/" + runId, TestStack.token("globex", "retention-user", "user")),
                404,
                "run-not-found");
    }

    private static String runStatus(String runId) throws SQLException {
        try (var db = TestStack.jdbc();
                var select = db.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            select.setLong(1, Long.parseLong(runId));
            try (var row = select.executeQuery()) {
                assertThat(row.next()).as("the run's row").isTrue();
                return row.getString(1);
            }
        }
    }

    private static int eventRows(String runId) throws SQLException {
        try (var db = TestStack.jdbc();
                var count = db.prepareStatement("SELECT COUNT(*) FROM run_events WHERE run_id = ?")) {
            count.setLong(1, Long.parseLong(runId));
            try (var row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
