package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} after real traffic: each test scrapes before and after what it sends and asserts the difference, so
 * whatever other tests did to the same instance does not matter.
 */
class MetricsIT extends SwitchboardDeployment {
    /** A tenant of this test run only, with its own provider and alias: its series are this test's alone. */
    private static final String TENANT = "metrics-" + Long.toString(System.currentTimeMillis(), 36);

    private static final String ALIAS = "metered";
    private static final String TARGET = "metrics-sim/sim-fast";
    private final String admin = TestStack.token(TENANT, "ops", "user", "admin");
    private final String user = TestStack.token(TENANT, "user-1", "user");

    @Test
    void theEndpointAnswersOnlyAScraperWithTheMetricsToken() {
        for (String token : new String[] {null, "not-the-token", user}) {
            HttpResponse<String> refused = Api.get("/metrics", token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).doesNotContain("switchboard_");
        }
        Scrape scrape = Scrape.take();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
        assertThat(scrape.has("jvm_threads_live_threads")).isTrue();
        assertThat(scrape.has("jvm_gc_pause_seconds_count") || scrape.has("jvm_gc_memory_allocated_bytes_total"))
                .isTrue();
        assertThat(scrape.has("process_cpu_usage")).isTrue();
        assertThat(scrape.has("switchboard_runs_active")).isTrue();
        assertThat(scrape.has("switchboard_db_pool_connections")).isTrue();
        assertThat(scrape.series().keySet())
                .as("no run, user or request id is a label")
                .noneMatch(key -> key.contains("run_id") || key.contains("user=") || key.contains("request_id"));
    }

    @Test
    void streamedAndFailedRunsAreCountedByModelTargetStatusErrorAndTenant() {
        Scrape before = Scrape.take();
        Admin.simulator(
                admin,
                "metrics-sim",
                Json.createObjectBuilder().add("tokens", 6).add("delay_ms", 5));
        Admin.createPolicy(
                admin,
                ALIAS,
                "priority",
                Json.createArrayBuilder()
                        .add(Admin.target("metrics-sim", "sim-fast")
                                .add("input_price_per_1k", 1)
                                .add("output_price_per_1k", 2))
                        .build(),
                Json.createObjectBuilder()
                        .add("max_attempts", 1)
                        .add("breaker_failures", 100)
                        .build());
        List<String> streamed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response =
                    Api.postJson("/v1/chat/completions", user, Api.chat(ALIAS, true, "count me"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("data: [DONE]");
            streamed.add(response.headers().firstValue("X-Run-Id").orElseThrow());
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = Api.postJson(
                    "/v1/chat/completions", user, Api.chat(ALIAS, false, "fail me"), "X-Simulator-Fault", "error");
            assertThat(response.statusCode()).isEqualTo(502);
            failed.add(response.headers().firstValue("X-Run-Id").orElseThrow());
        }
        long input = 0;
        long output = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long gaps = 0;
        for (String runId : streamed) {
            JsonObject run =
                    Api.json(Api.get("/api/v1/runs/" + runId + "?after=0", user).body());
            input += run.getJsonObject("usage").getInt("input_tokens");
            output += run.getJsonObject("usage").getInt("output_tokens");
            cost = cost.add(run.getJsonObject("usage").getJsonNumber("cost").bigDecimalValue());
            long deltas = run.getJsonArray("events").stream()
                    .map(JsonObject.class::cast)
                    .filter(e -> e.getString("type").equals("delta"))
                    .count();
            gaps += deltas - 1;
        }
        assertThat(output).isPositive();

        Scrape after = Scrape.take();
        assertThat(after.since(
                        before, "switchboard_runs_ended_total", "model", ALIAS, "status", "completed", "error", "none"))
                .isEqualTo(3);
        assertThat(after.since(
                        before,
                        "switchboard_runs_ended_total",
                        "model",
                        ALIAS,
                        "status",
                        "failed",
                        "error",
                        "upstream-error"))
                .isEqualTo(2);
        assertThat(after.since(before, "switchboard_run_first_token_seconds_count", "model", ALIAS, "target", TARGET))
                .isEqualTo(3);
        assertThat(after.since(
                        before,
                        "switchboard_run_first_token_seconds_bucket",
                        "model",
                        ALIAS,
                        "target",
                        TARGET,
                        "le",
                        "+Inf"))
                .isEqualTo(3);
        assertThat(after.since(before, "switchboard_run_duration_seconds_count", "model", ALIAS, "target", TARGET))
                .isEqualTo(3);
        assertThat(after.since(before, "switchboard_run_duration_seconds_count", "model", ALIAS, "target", "none"))
                .as("failed before any target answered")
                .isEqualTo(2);
        assertThat(after.since(before, "switchboard_run_token_gap_seconds_count", "model", ALIAS, "target", TARGET))
                .isEqualTo(gaps);
        assertThat(after.since(
                        before, "switchboard_tokens_total", "tenant", TENANT, "model", ALIAS, "direction", "input"))
                .isEqualTo(input);
        assertThat(after.since(
                        before, "switchboard_tokens_total", "tenant", TENANT, "model", ALIAS, "direction", "output"))
                .isEqualTo(output);
        assertThat(after.since(before, "switchboard_cost_total", "tenant", TENANT, "model", ALIAS))
                .isCloseTo(cost.doubleValue(), within(1e-9));
        assertThat(after.since(before, "switchboard_routing_switch_seconds_count"))
                .as("the new provider and policy reached this instance")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStreamCutAndResumedCountsALiveSubscriberADisconnectAndAResume() {
        Scrape before = Scrape.take();
        String runId = Runs.start(user, "cut me", "X-Simulator-Tokens", "80", "X-Simulator-Delay-Ms", "100");
        String lastId;
        try (SseClient first = SseClient.events(runId, user, null)) {
            SseClient.Event event = null;
            for (int i = 0; i < 3; i++) {
                event = first.next();
            }
            lastId = Integer.toString(event.id());
            await("a live subscriber and an active run")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        Scrape now = Scrape.take();
                        return now.sum("switchboard_streams_live") >= 1 && now.sum("switchboard_runs_active") >= 1;
                    });
        } // hang up mid-run: the next writes to this stream fail
        await("the lost stream to be counted")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Scrape.take().since(before, "switchboard_stream_disconnects_total") >= 1);

        List<SseClient.Event> rest;
        try (SseClient second = SseClient.events(runId, user, lastId)) {
            rest = second.rest();
        }

        assertThat(rest.get(rest.size() - 1).type()).isEqualTo("done");
        assertThat(Scrape.take().since(before, "switchboard_stream_resumes_total"))
                .isEqualTo(1);
    }

    @Test
    void webhookAttemptsAreCountedByOutcome() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(attempts.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Api.get("/api/v1/webhooks/secret", admin);
            Scrape before = Scrape.take();
            String callback = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
            Runs.submit(
                    admin, Runs.body("async", "call me back").add("callback_url", callback), "X-Simulator-Tokens", "2");

            await("a failed attempt, then a delivered one")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> attempts.get() >= 2);
            await("both counted").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Scrape after = Scrape.take();
                assertThat(after.since(before, "switchboard_webhook_deliveries_total", "outcome", "retrying"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(after.since(before, "switchboard_webhook_deliveries_total", "outcome", "delivered"))
                        .isGreaterThanOrEqualTo(1);
            });
        } finally {
            receiver.stop(0);
        }
    }
}
