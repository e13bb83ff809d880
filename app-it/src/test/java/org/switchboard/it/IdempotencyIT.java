package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /api/v1/runs: same request → same run and answer; different → 422; in flight → 409. */
class IdempotencyIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "idem-user", "user");

    @Test
    void theSameKeyAndBodyGetTheSameRunAndAnswer() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = Runs.submit(token, Runs.body("async", "once only"), "Idempotency-Key", key);
        HttpResponse<String> again = Runs.submit(token, Runs.body("async", "once only"), "Idempotency-Key", key);

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        Runs.submit(token, Runs.body("async", "first"), "Idempotency-Key", key);
        Problems.assertProblem(
                Runs.submit(token, Runs.body("async", "second"), "Idempotency-Key", key),
                422,
                "idempotency-key-reused");
    }

    @Test
    void theSameKeyWhileTheFirstIsStillProcessedIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> Runs.submit(
                token,
                Runs.body("sync", "slow one"),
                "Idempotency-Key",
                key,
                "X-Simulator-Tokens",
                "10",
                "X-Simulator-Delay-Ms",
                "200"));
        await("the first request to hold the key")
                .atMost(Duration.ofSeconds(10))
                .until(() -> "IN_FLIGHT".equals(keyState(key)));

        Problems.assertProblem(
                Runs.submit(
                        token,
                        Runs.body("sync", "slow one"),
                        "Idempotency-Key",
                        key,
                        "X-Simulator-Tokens",
                        "10",
                        "X-Simulator-Delay-Ms",
                        "200"),
                409,
                "idempotency-key-in-flight");
        assertThat(first.get().statusCode()).isEqualTo(200);
        HttpResponse<String> replay = Runs.submit(
                token,
                Runs.body("sync", "slow one"),
                "Idempotency-Key",
                key,
                "X-Simulator-Tokens",
                "10",
                "X-Simulator-Delay-Ms",
                "200");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.get().body());
    }

    @Test
    void keysAreScopedToTheUser() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> mine = Runs.submit(token, Runs.body("async", "mine"), "Idempotency-Key", key);
        HttpResponse<String> theirs = Runs.submit(
                TestStack.token("demo", "someone-else", "user"), Runs.body("async", "theirs"), "Idempotency-Key", key);
        assertThat(theirs.statusCode()).isEqualTo(202);
        assertThat(Api.json(theirs.body()).getString("id"))
                .isNotEqualTo(Api.json(mine.body()).getString("id"));
    }

    /** The state of the key's row (each claim commits at once, so a request still being answered shows here). */
    private static String keyState(String key) throws SQLException {
        try (var db = TestStack.jdbc();
                var select = db.prepareStatement("SELECT state FROM idempotency_keys WHERE idem_key = ?")) {
            select.setString(1, key);
            try (var row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
