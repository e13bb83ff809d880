package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

class SimulatorTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Simulator simulator = new Simulator(scheduler);
    private static final Upstream SIM = upstream(jakarta.json.JsonValue.EMPTY_JSON_OBJECT);

    private static Upstream upstream(jakarta.json.JsonObject settings) {
        return new Upstream("", null, "sim", settings);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static ChatRequest request(Map<String, String> hints) {
        return new ChatRequest(
                "sim", List.of(new ChatMessage("user", "three words here")), null, null, null, null, hints);
    }

    @Test
    void emitsTheScriptedTokensThenUsageThenCompletes() {
        RecordingListener listener = new RecordingListener();
        simulator.generate(SIM, request(Map.of("simulator.tokens", "3", "simulator.delay-ms", "1")), listener);
        listener.awaitEnd();

        assertThat(listener.calls).hasSize(5);
        assertThat(listener.calls.subList(0, 3)).allMatch(call -> call.startsWith("delta:"));
        assertThat(listener.calls.subList(3, 5)).containsExactly("usage:3/3", "complete");
    }

    @Test
    void aCancelledGenerationProducesNothingMore() throws Exception {
        RecordingListener listener = new RecordingListener();
        Generation generation = simulator.generate(
                SIM, request(Map.of("simulator.tokens", "1000", "simulator.delay-ms", "10")), listener);
        await("a first delta").until(() -> !listener.calls.isEmpty());
        generation.cancel();
        int atCancel = listener.calls.size();
        Thread.sleep(200); // a fixed window on purpose: 20 more ticks would come within it, none may

        assertThat(atCancel).isBetween(1, 50);
        assertThat(listener.calls).hasSizeLessThanOrEqualTo(atCancel + 1); // one tick may have been under way
        assertThat(listener.calls).doesNotContain("complete");
    }

    @Test
    void injectsACutAfterTheScriptedTokens() {
        RecordingListener listener = new RecordingListener();
        simulator.generate(
                SIM,
                request(Map.of(
                        "simulator.tokens",
                        "5",
                        "simulator.delay-ms",
                        "0",
                        "simulator.fault",
                        "cut",
                        "simulator.fault-after",
                        "2")),
                listener);
        listener.awaitEnd();

        assertThat(listener.calls).hasSize(3).last().isEqualTo("error:upstream-cut");
    }

    @Test
    void providerSettingsFailTheFirstCallsWithTheConfiguredStatusThenSucceed() {
        var settings = org.switchboard.core.platform.JsonP.createObjectBuilder()
                .add("fault", "error")
                .add("status", 429)
                .add("retry_after_s", 3)
                .add("fail_times", 2)
                .add("tokens", 2)
                .add("delay_ms", 0)
                .build();
        for (int call = 1; call <= 2; call++) {
            RecordingListener failing = new RecordingListener();
            simulator.generate(upstream(settings), request(Map.of()), failing);
            assertThat(failing.awaitEnd()).containsExactly("error:upstream-quota");
            assertThat(failing.failure.upstreamStatus()).isEqualTo(429);
            assertThat(failing.failure.retryAfter()).hasSeconds(3);
        }
        RecordingListener third = new RecordingListener();
        simulator.generate(upstream(settings), request(Map.of()), third);
        assertThat(third.awaitEnd()).hasSize(4).endsWith("usage:3/2", "complete");
    }
}
