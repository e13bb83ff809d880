package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cancel is explicit and idempotent; deadlines end stalled runs as incomplete; a disconnect cancels nothing. */
class CancelAndDeadlineIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "cancel-user", "user");

    private HttpResponse<String> cancel(String runId) {
        return Api.send(Api.request("/api/v1/runs/" + runId + "/cancel", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void cancelEndsTheRunWithATerminalEventAndIsIdempotent() throws Exception {
        String runId = Runs.start(token, "stop me", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "30");
        List<SseClient.Event> events;
        try (SseClient client = SseClient.events(runId, token, null)) {
            for (int i = 0; i < 6; i++) {
                client.next();
            }
            HttpResponse<String> cancelled = cancel(runId);
            assertThat(cancelled.statusCode()).isEqualTo(200);
            assertThat(Api.json(cancelled.body()).getString("status")).isEqualTo("cancelled");
            events = client.rest();
        }
        SseClient.Event last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo("error");
        assertThat(Api.json(last.data()).getString("status")).isEqualTo("cancelled");

        int lastSeq = Runs.get(runId, token).getInt("last_seq");
        Thread.sleep(500); // a fixed wait on purpose: nothing may be appended after the cancel within it
        JsonObject after = Runs.get(runId, token);
        assertThat(after.getInt("last_seq")).isEqualTo(lastSeq);
        assertThat(after.getString("output").split(" ").length).isLessThan(200);

        HttpResponse<String> again = cancel(runId);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Api.json(again.body()).getString("status")).isEqualTo("cancelled");
        assertThat(Api.json(again.body()).getInt("last_seq")).isEqualTo(lastSeq);
    }

    @Test
    void aClientDisconnectDoesNotCancelTheRun() {
        String runId = Runs.start(token, "keep going", "X-Simulator-Tokens", "20", "X-Simulator-Delay-Ms", "30");
        try (SseClient client = SseClient.events(runId, token, null)) {
            client.next();
        }
        await("completion without a client")
                .atMost(Duration.ofSeconds(10))
                .until(() -> Runs.get(runId, token).getString("status").equals("completed"));
        assertThat(Runs.get(runId, token).getString("output").split(" ")).hasSize(20);
    }

    @Test
    void aStallBeforeTheFirstTokenEndsIncompleteAtTheFirstTokenDeadline() {
        String runId = Runs.start(token, "stall", "X-Simulator-Fault", "stall", "X-Simulator-Fault-After", "0");
        List<SseClient.Event> events;
        try (SseClient client = SseClient.events(runId, token, null)) {
            events = client.rest();
        }
        JsonObject error = Api.json(events.get(events.size() - 1).data());
        assertThat(events.get(events.size() - 1).type()).isEqualTo("error");
        assertThat(error.getString("type")).isEqualTo("urn:switchboard:problem:deadline-exceeded");
        assertThat(error.getString("status")).isEqualTo("incomplete");
        assertThat(Runs.get(runId, token).getString("status")).isEqualTo("incomplete");
    }

    @Test
    void aStallMidStreamEndsIncompleteAtTheGapDeadlineKeepingThePartialOutput() {
        String runId = Runs.start(
                token,
                "stall later",
                "X-Simulator-Fault",
                "stall",
                "X-Simulator-Fault-After",
                "3",
                "X-Simulator-Delay-Ms",
                "10");
        List<SseClient.Event> events;
        try (SseClient client = SseClient.events(runId, token, null)) {
            events = client.rest();
        }
        assertThat(Api.json(events.get(events.size() - 1).data()).getString("detail"))
                .contains("gap");
        JsonObject run = Runs.get(runId, token);
        assertThat(run.getString("status")).isEqualTo("incomplete");
        assertThat(run.getString("output").split(" ")).hasSize(3);
        assertThat(run.getJsonObject("error").getString("type")).isEqualTo("urn:switchboard:problem:deadline-exceeded");
    }
}
