package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Resumable SSE: a cut stream resumes from Last-Event-ID or ?after= with no gap and no duplicate. */
class ResumeIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "resume-user", "user");
    private static final String[] PACE = {"X-Simulator-Tokens", "40", "X-Simulator-Delay-Ms", "25"};

    private static void assertContiguousFrom(List<SseClient.Event> events, int first) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).as("seq of event %d", i).isEqualTo(first + i);
        }
    }

    @RepeatedTest(3)
    void aCutStreamResumedWithLastEventIdEqualsAnUninterruptedOne() {
        String runId = Runs.start(token, "resume me", PACE);
        List<SseClient.Event> seen = new ArrayList<>();
        int cutAfter = ThreadLocalRandom.current().nextInt(2, 30);
        try (SseClient first = SseClient.events(runId, token, null)) {
            assertThat(first.response.headers().firstValue("Cache-Control")).hasValue("no-cache, no-transform");
            assertThat(first.response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            for (int i = 0; i < cutAfter; i++) {
                seen.add(first.next());
            }
        } // hang up mid-run
        try (SseClient second = SseClient.events(
                runId, token, Integer.toString(seen.get(seen.size() - 1).id()))) {
            seen.addAll(second.rest());
        }

        assertContiguousFrom(seen, 1);
        assertThat(seen.get(0).type()).isEqualTo("run");
        assertThat(seen.get(seen.size() - 1).type()).isEqualTo("done");
        String uninterrupted;
        try (SseClient whole = SseClient.events(runId, token, null)) {
            uninterrupted = Runs.text(whole.rest());
        }
        assertThat(Runs.text(seen))
                .isEqualTo(uninterrupted)
                .isEqualTo(Runs.get(runId, token).getString("output"));
    }

    @Test
    void threeSubscribersJoiningAtDifferentTimesEachSeeEveryEventOnce() throws Exception {
        String runId = Runs.start(token, "three of us", PACE);
        CompletableFuture<List<SseClient.Event>> early = CompletableFuture.supplyAsync(() -> readAll(runId, null));
        awaitProgress(runId, 12); // of 43 events
        CompletableFuture<List<SseClient.Event>> middle = CompletableFuture.supplyAsync(() -> readAll(runId, null));
        awaitProgress(runId, 24);
        List<SseClient.Event> late;
        try (SseClient client = SseClient.open(Api.request("/api/v1/runs/" + runId + "/events?after=5", token)
                .GET()
                .build())) {
            late = client.rest();
        }

        assertContiguousFrom(early.get(), 1);
        assertContiguousFrom(middle.get(), 1);
        assertContiguousFrom(late, 6);
        assertThat(Runs.text(middle.get())).isEqualTo(Runs.text(early.get()));
        assertThat(Runs.text(early.get())).endsWith(Runs.text(late));
        assertThat(late.get(late.size() - 1).type()).isEqualTo("done");
    }

    @Test
    void aFinishedRunReplaysAndCloses() {
        String runId = Runs.start(token, "already over", "X-Simulator-Tokens", "5", "X-Simulator-Delay-Ms", "0");
        await("the run to end")
                .atMost(Duration.ofSeconds(10))
                .until(() -> Runs.get(runId, token).getString("status").equals("completed"));

        List<SseClient.Event> events = readAll(runId, null);
        assertContiguousFrom(events, 1);
        assertThat(events)
                .extracting(SseClient.Event::type)
                .containsExactly("run", "delta", "delta", "delta", "delta", "delta", "usage", "done");
    }

    @Test
    void anOpenAiStreamCutShortCanBeReattachedThroughTheRunsApi() {
        var request = Api.request("/v1/chat/completions", token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.chat("sim", true, "reattach me")))
                .header("X-Simulator-Tokens", "30")
                .header("X-Simulator-Delay-Ms", "25")
                .build();
        String runId;
        try (SseClient openai = SseClient.open(request)) {
            runId = openai.response.headers().firstValue("X-Run-Id").orElseThrow();
            openai.next();
            openai.next();
        }
        List<SseClient.Event> events = readAll(runId, null);
        assertContiguousFrom(events, 1);
        assertThat(events.get(events.size() - 1).type()).isEqualTo("done");
        assertThat(Runs.text(events).split(" ")).hasSize(30);
    }

    @Test
    void idleStreamsCarryAHeartbeatComment() {
        String runId = Runs.start(token, "slowly", "X-Simulator-Tokens", "6", "X-Simulator-Delay-Ms", "3200");
        try (SseClient client = SseClient.events(runId, token, null)) {
            List<SseClient.Event> events = client.rest();
            assertThat(events.get(events.size() - 1).type()).isEqualTo("done");
            assertThat(client.comments).isNotEmpty();
        }
    }

    @Test
    void aCursorThatIsNotASeqIs400() {
        Problems.assertProblem(
                Api.get("/api/v1/runs/" + Runs.start(token, "x") + "/events?after=abc", token), 400, "invalid-cursor");
    }

    /** Waits until the run has logged {@code seq} events, so the next subscriber joins that far into it. */
    private void awaitProgress(String runId, int seq) {
        await("the run past event " + seq)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Runs.get(runId, token).getInt("last_seq") >= seq);
    }

    private List<SseClient.Event> readAll(String runId, String lastEventId) {
        try (SseClient client = SseClient.events(runId, token, lastEventId)) {
            return client.rest();
        }
    }
}
