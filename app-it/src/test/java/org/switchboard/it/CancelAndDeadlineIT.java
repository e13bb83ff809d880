package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cancel is explicit and idempotent; deadlines end stalled runs as incomplete, the instance's or those a run's
 * routing policy chose; a disconnect cancels nothing.
 */
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

    @Test
    void aPolicysFirstTokenDeadlineEndsAStalledRunLongBeforeTheInstancesAndOnlyForItsOwnRuns() {
        String tenant = "deadline-policy-" + Long.toString(System.currentTimeMillis(), 36);
        String admin = TestStack.token(tenant, "ops", "admin");
        String user = TestStack.token(tenant, "user-1", "user");
        Admin.simulator(
                admin,
                "stalling",
                Json.createObjectBuilder().add("fault", "stall").add("fault_after", 0));
        JsonArray stalling = Json.createArrayBuilder()
                .add(Admin.target("stalling", "sim-fast"))
                .build();
        JsonObject once = Json.createObjectBuilder().add("max_attempts", 1).build();
        JsonObject impatient = created(Api.postJson(
                "/api/v1/admin/policies",
                admin,
                Json.createObjectBuilder()
                        .add("alias", "impatient")
                        .add("targets", stalling)
                        .add("resilience", once)
                        .add("deadlines", Json.createObjectBuilder().add("first_token_ms", 500))
                        .build()
                        .toString()));
        Admin.createPolicy(admin, "patient", "priority", stalling, once);
        assertThat(impatient.getJsonObject("deadlines"))
                .isEqualTo(Json.createObjectBuilder().add("first_token_ms", 500).build());

        long started = System.nanoTime();
        JsonObject cut = Admin.syncRun(user, "impatient", "stall");
        long cutMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        JsonObject waited = Admin.syncRun(user, "patient", "stall");
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(cut.getString("status")).isEqualTo("incomplete");
        assertThat(cut.getJsonObject("error").getString("type")).isEqualTo("urn:switchboard:problem:deadline-exceeded");
        assertThat(cut.getJsonObject("error").getString("detail")).contains("first token", "PT0.5S");
        assertThat(cutMillis).as("the policy's 0.5 s, not the instance's 3 s").isLessThan(2000);
        assertThat(waited.getJsonObject("error").getString("detail"))
                .as("the other policy keeps the instance's first-token deadline (PT3S in the test domain)")
                .contains("first token", "PT3S");
        assertThat(waitedMillis).isGreaterThanOrEqualTo(2900);
        JsonObject attempt = cut.getJsonArray("attempts").getJsonObject(0);
        assertThat(attempt.getString("target")).isEqualTo("stalling/sim-fast");
        assertThat(attempt.getString("outcome"))
                .as("the call the deadline cut short")
                .isEqualTo("deadline-exceeded");
    }

    @Test
    void aDeadlineOutOfRangeIsRefusedNamingTheFieldAndChangesNothing() {
        String admin =
                TestStack.token("deadline-checks-" + Long.toString(System.currentTimeMillis(), 36), "ops", "admin");
        JsonObject policy = Admin.createPolicy(
                admin,
                "checked",
                "priority",
                Json.createArrayBuilder().add(Admin.target("simulator", "sim")).build(),
                Json.createObjectBuilder().build());
        String path = "/api/v1/admin/policies/" + policy.getString("id");

        HttpResponse<String> refused = Api.send(Api.request(path, admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"deadlines\":{\"first_token_ms\":10,\"gap_ms\":2000}}"))
                .build());

        JsonObject problem = Problems.assertProblem(refused, 400, "invalid-routing-policy");
        assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field"))
                .containsExactly("deadlines.first_token_ms");
        assertThat(Api.json(Api.get(path, admin).body()).getJsonObject("deadlines"))
                .isEmpty();
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response.body());
    }
}
