package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The async job pattern: 202 + Location + Retry-After, cursor polling, long-poll; and sync mode's deadline. */
class AsyncRunsIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "async-user", "user");

    @Test
    void asyncSubmissionAnswers202WithLocationAndRetryAfter() {
        HttpResponse<String> response = Runs.submit(token, Runs.body("async", "later please"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonObject run = Api.json(response.body());
        assertThat(run.getString("status")).isEqualTo("queued");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/api/v1/runs/" + run.getString("id")));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("X-Run-Id")).hasValue(run.getString("id"));
    }

    @Test
    void pollingWithACursorYieldsEachEventExactlyOnce() {
        String runId = Runs.start(token, "poll me", "X-Simulator-Tokens", "20", "X-Simulator-Delay-Ms", "40");
        List<Integer> seqs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int cursor = 0;
        String status = "queued";
        // The run takes about a second: 23 events, a poll returning at the next one. A run that never completes
        // (or a cursor that stops moving) fails the test here instead of polling forever.
        int maxPolls = 100;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int polls = 0; !status.equals("completed"); polls++) {
            if (polls == maxPolls || System.nanoTime() > deadline) {
                throw new AssertionError("The run is still " + status + " after " + polls + " polls (at most "
                        + maxPolls + ", 60 s); cursor " + cursor + ", seqs so far " + seqs);
            }
            HttpResponse<String> response = Api.get("/api/v1/runs/" + runId + "?after=" + cursor + "&wait=5", token);
            JsonObject page = Api.json(response.body());
            page.getJsonArray("events").getValuesAs(JsonObject.class).forEach(event -> {
                seqs.add(event.getInt("seq"));
                if (event.getString("type").equals("delta")) {
                    text.append(event.getJsonObject("data").getString("text"));
                }
            });
            cursor = page.getInt("next_after");
            status = page.getString("status");
            if (!status.equals("completed")) {
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(seqs)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 23).boxed().toList());
        assertThat(text.toString()).isEqualTo(Runs.get(runId, token).getString("output"));
    }

    @Test
    void aLongPollReturnsPromptlyAfterTheNextEvent() {
        String runId = Runs.start(token, "wait for it", "X-Simulator-Tokens", "2", "X-Simulator-Latency-Ms", "1500");
        await("the run event")
                .atMost(Duration.ofSeconds(5))
                .until(() -> Runs.get(runId, token).getInt("next_after") >= 1);

        long started = System.nanoTime();
        JsonObject page = Api.json(
                Api.get("/api/v1/runs/" + runId + "?after=1&wait=20", token).body());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(page.getJsonArray("events")).isNotEmpty();
        assertThat(page.getJsonArray("events").getJsonObject(0).getInt("seq")).isEqualTo(2);
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void aLongPollThatTimesOutAnswers200WithNoEvents() {
        String runId = Runs.start(token, "nothing yet", "X-Simulator-Tokens", "2", "X-Simulator-Latency-Ms", "2500");
        await("the run event")
                .atMost(Duration.ofSeconds(5))
                .until(() -> Runs.get(runId, token).getInt("next_after") >= 1);

        HttpResponse<String> response = Api.get("/api/v1/runs/" + runId + "?after=1&wait=1", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response.body()).getJsonArray("events")).isEmpty();
        assertThat(Api.json(response.body()).getInt("next_after")).isEqualTo(1);
    }

    @Test
    void syncModeAnswersWithTheResult() {
        HttpResponse<String> response = Runs.submit(token, Runs.body("sync", "now please"), "X-Simulator-Tokens", "4");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject run = Api.json(response.body());
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("output").split(" ")).hasSize(4);
        assertThat(run.getJsonObject("usage").getInt("output_tokens")).isEqualTo(4);
    }

    @Test
    void aSyncRunOutlivingTheDeadlineAnswers202WithLocation() {
        // The suite's sync deadline is 8 s; this run takes about 10 s.
        HttpResponse<String> response = Runs.submit(
                token, Runs.body("sync", "too slow"), "X-Simulator-Tokens", "5", "X-Simulator-Delay-Ms", "2000");
        assertThat(response.statusCode()).isEqualTo(202);
        String runId = Api.json(response.body()).getString("id");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/api/v1/runs/" + runId));
        await("the run to finish anyway")
                .atMost(Duration.ofSeconds(15))
                .until(() -> Runs.get(runId, token).getString("status").equals("completed"));
    }

    @Test
    void badWaitAndModeAre400() {
        String runId = Runs.start(token, "x");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId + "?after=0&wait=-1", token), 400, "invalid-wait");
        Problems.assertProblem(Runs.submit(token, Runs.body("later", "x")), 400, "invalid-request");
    }
}
