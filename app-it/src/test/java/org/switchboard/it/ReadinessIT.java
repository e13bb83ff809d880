package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * While the database is unreachable: readiness is down, and a request whose run starts at once is answered 503
 * (the run could not be recorded) and its run ends cancelled once the database is back. Runs last.
 */
@Order(Integer.MAX_VALUE)
class ReadinessIT extends SwitchboardDeployment {
    private static HttpResponse<String> ready() {
        return Api.send(Api.request("/health/ready", null).GET().build());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // stops and restarts the database
    void whileTheDatabaseIsUnreachableReadinessIsDownAndNewRunsAreRefused() throws Exception {
        assertThat(ready().statusCode()).isEqualTo(200);
        assertThat(Api.send(Api.request("/health/live", null).GET().build()).statusCode())
                .isEqualTo(200);

        TestStack.stopDatabase();
        try {
            await("readiness DOWN")
                    .atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> ready().statusCode() == 503);
            assertThat(ready().body()).contains("\"status\":\"DOWN\"");
            // Liveness does not follow the database: restarting the app would not bring it back.
            assertThat(Api.send(Api.request("/health/live", null).GET().build()).statusCode())
                    .isEqualTo(200);

            // The suite's record timeout is 2 s: the client is not left waiting for the database.
            long started = System.nanoTime();
            // A run of 40 tokens 250 ms apart: still generating when the client is answered.
            HttpResponse<String> refused = Api.postJson(
                    "/v1/chat/completions",
                    TestStack.token("acme", "alice", "user"),
                    Api.chat("sim", true, "hello"),
                    "X-Simulator-Tokens",
                    "40",
                    "X-Simulator-Delay-Ms",
                    "250");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Api.json(refused.body()).getString("type"))
                    .isEqualTo("urn:switchboard:problem:run-not-recorded");
            refusedRun =
                    Long.parseLong(Api.json(refused.body()).getString("detail").replaceAll("^Run '(\\d+)'.*", "$1"));
        } finally {
            TestStack.startDatabase();
        }
        await("readiness UP again")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> ready().statusCode() == 200);
        // Nothing is lost or left running: the refused run was stopped, and is recorded as cancelled once the
        // database is back.
        long run = refusedRun;
        await("the refused run recorded as cancelled")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> "CANCELLED".equals(status(run)));
    }

    private long refusedRun;

    private static String status(long run) {
        try (var db = TestStack.jdbc();
                var select = db.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            select.setLong(1, run);
            try (var row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            return null;
        }
    }
}
