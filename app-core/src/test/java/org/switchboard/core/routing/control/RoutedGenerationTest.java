package org.switchboard.core.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.keys.KeyUnavailable;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/**
 * A routed generation driven by scripted fake adapters (each plays, per call, a scripted outcome, either
 * asynchronously on a real scheduler or synchronously inside {@code generate}) with a real {@link TargetHealth}
 * and a real scheduler for the retries.
 */
class RoutedGenerationTest {
    private static final ChatRequest REQUEST =
            new ChatRequest("smart", List.of(new ChatMessage("user", "Say hello")), null, null, null, null, null);

    /** Retries fast, never jitters, breaker far away. */
    private static final Resilience FAST = new Resilience(3, 20, 2, 0, 100, 30_000, 60_000);

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final ScheduledExecutorService upstreams = Executors.newScheduledThreadPool(2);
    private final TargetHealth health = new TargetHealth();
    private final FakeServices services = new FakeServices();

    @AfterEach
    void stop() {
        timers.shutdownNow();
        upstreams.shutdownNow();
    }

    // ---------------------------------------------------------------- fixtures

    /** One scripted outcome of one call: some deltas, then usage + complete, an error, or nothing (hangs). */
    record Outcome(List<String> deltas, Usage usage, ProviderFailure failure, boolean ends, List<String> late) {
        static Outcome success(Usage usage, String... deltas) {
            return new Outcome(List.of(deltas), usage, null, true, List.of());
        }

        static Outcome failure(String type, int status, Duration retryAfter, String detail) {
            return new Outcome(List.of(), null, new ProviderFailure(type, detail, status, retryAfter), true, List.of());
        }

        static Outcome failure(String type, int status) {
            return failure(type, status, null, "HTTP " + status);
        }

        static Outcome hang(String... deltas) {
            return new Outcome(List.of(deltas), null, null, false, List.of());
        }

        Outcome afterDeltas(String... before) {
            return new Outcome(List.of(before), usage, failure, ends, late);
        }

        /** Deltas a misbehaving adapter still sends after it ended. */
        Outcome thenLate(String... after) {
            return new Outcome(deltas, usage, failure, ends, List.of(after));
        }
    }

    /** An adapter that plays its script, one outcome per call, and records every call. */
    final class ScriptedAdapter implements ProviderAdapter {
        final String kind;
        final boolean async;
        final ConcurrentLinkedDeque<Outcome> script = new ConcurrentLinkedDeque<>();
        final List<Long> callNanos = new CopyOnWriteArrayList<>();
        final List<Upstream> upstreamsSeen = new CopyOnWriteArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicInteger played = new AtomicInteger();
        volatile Outcome always;

        ScriptedAdapter(String kind, boolean async) {
            this.kind = kind;
            this.async = async;
        }

        ScriptedAdapter then(Outcome... outcomes) {
            script.addAll(Arrays.asList(outcomes));
            return this;
        }

        ScriptedAdapter always(Outcome outcome) {
            always = outcome;
            return this;
        }

        int calls() {
            return callNanos.size();
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
            callNanos.add(System.nanoTime());
            upstreamsSeen.add(upstream);
            Outcome scripted = script.poll();
            Outcome outcome = scripted != null ? scripted : always;
            if (outcome == null) {
                throw new AssertionError("unexpected call " + callNanos.size() + " to " + kind);
            }
            AtomicBoolean cancelled = new AtomicBoolean();
            Runnable play = () -> {
                for (String delta : outcome.deltas()) {
                    if (cancelled.get()) {
                        return;
                    }
                    listener.onDelta(delta);
                }
                if (cancelled.get() || !outcome.ends()) {
                    return;
                }
                if (outcome.failure() != null) {
                    listener.onError(outcome.failure());
                } else {
                    if (outcome.usage() != null) {
                        listener.onUsage(outcome.usage());
                    }
                    listener.onComplete();
                }
                played.incrementAndGet();
                outcome.late().forEach(listener::onDelta);
            };
            if (async) {
                upstreams.schedule(play, 5, TimeUnit.MILLISECONDS);
            } else {
                play.run();
            }
            return () -> {
                cancelled.set(true);
                cancels.incrementAndGet();
            };
        }
    }

    /** The application side: adapters by kind, keys by target id, flagged keys, the real health and timers. */
    final class FakeServices implements RoutedGeneration.Services {
        final Map<String, ScriptedAdapter> adapters = new HashMap<>();
        final Map<String, String> keys = new HashMap<>();
        final Set<String> unopenable = new HashSet<>();
        final Map<String, RuntimeException> upstreamFailures = new HashMap<>();
        final List<String> flagged = new CopyOnWriteArrayList<>();

        @Override
        public ProviderAdapter adapter(String kind) {
            return adapters.get(kind);
        }

        @Override
        public Upstream upstream(RouteTarget target) {
            if (unopenable.contains(target.id())) {
                throw new KeyUnavailable("A provider key does not open under its master key (tampered or wrong row)");
            }
            if (upstreamFailures.containsKey(target.id())) {
                throw upstreamFailures.get(target.id());
            }
            return new Upstream(target.baseUrl(), keys.get(target.id()), target.model(), target.settings());
        }

        @Override
        public void flagKey(RouteTarget target, String reason) {
            flagged.add(target.id() + ": " + reason);
        }

        @Override
        public TargetHealth health() {
            return health;
        }

        @Override
        public ScheduledExecutorService timers() {
            return timers;
        }
    }

    /** The client side: every callback, in order, as a short string; the route's attempts in a list of their own. */
    static final class Downstream implements GenerationListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile ProviderFailure failure;
        volatile Usage usage;

        @Override
        public void onDelta(String text) {
            calls.add("delta:" + text);
        }

        @Override
        public void onUsage(Usage usage) {
            this.usage = usage;
            calls.add("usage:" + usage.inputTokens() + "/" + usage.outputTokens() + (usage.estimated() ? "~" : ""));
        }

        @Override
        public void onComplete() {
            calls.add("complete");
            ended.countDown();
        }

        @Override
        public void onError(ProviderFailure failure) {
            this.failure = failure;
            calls.add("error:" + failure.type());
            ended.countDown();
        }

        @Override
        public void onConversation(String upstreamConversationId) {
            calls.add("conversation:" + upstreamConversationId);
        }

        @Override
        public void onRoute(String servedBy, int attempts) {
            calls.add("route:" + servedBy + "#" + attempts);
        }

        @Override
        public void onAttempt(String target) {
            attempts.add("call:" + target);
        }

        @Override
        public void onAttemptFailed(ProviderFailure failure) {
            attempts.add("failed:" + failure.type() + "/" + failure.upstreamStatus());
        }

        @Override
        public void onTargetSkipped(String target, String outcome) {
            attempts.add("skipped:" + target + ":" + outcome);
        }

        List<String> awaitEnd() {
            try {
                assertThat(ended.await(10, TimeUnit.SECONDS))
                        .as("the generation ended; calls so far: %s", calls)
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return calls;
        }
    }

    private ScriptedAdapter adapter(String kind) {
        return adapter(kind, true);
    }

    private ScriptedAdapter adapter(String kind, boolean async) {
        ScriptedAdapter adapter = new ScriptedAdapter(kind, async);
        services.adapters.put(kind, adapter);
        return adapter;
    }

    /** A target of provider {@code name} whose kind is also {@code name}, so each target has its own fake. */
    private static RouteTarget target(String name, String model, int priority, String inPrice, String outPrice) {
        return new RouteTarget(
                name + ":" + model,
                priority,
                name,
                name,
                "https://" + name + ".invalid/v1",
                JsonValue.EMPTY_JSON_OBJECT,
                model,
                null,
                new Target(name, model, null, 1, priority, new BigDecimal(inPrice), new BigDecimal(outPrice)));
    }

    private static RouteTarget target(String name, String model, int priority) {
        return target(name, model, priority, "0", "0");
    }

    private static final RouteTarget PRIMARY = target("primary", "model-a", 1);
    private static final RouteTarget SECONDARY = target("secondary", "model-b", 2);

    private static Route route(Resilience resilience, RouteTarget... targets) {
        return new Route(7, "smart", Strategy.PRIORITY, List.of(targets), resilience);
    }

    private RoutedGeneration start(Route route, Downstream downstream) {
        RoutedGeneration generation = new RoutedGeneration(route, REQUEST, downstream, services);
        generation.start();
        return generation;
    }

    private List<String> run(Route route) {
        Downstream downstream = new Downstream();
        start(route, downstream);
        return downstream.awaitEnd();
    }

    private static void settle(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- tests

    @Test
    void aQuotaRefusalOnThePrimaryIsServedByTheSecondaryWithoutAnErrorDownstream() {
        ScriptedAdapter primary = adapter("primary")
                .then(Outcome.failure("upstream-quota", 429, Duration.ofSeconds(30), "Rate limit reached"));
        ScriptedAdapter secondary = adapter("secondary").then(Outcome.success(new Usage(9, 2, false), "Hel", "lo"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd())
                .containsExactly("route:secondary/model-b#2", "delta:Hel", "delta:lo", "usage:9/2", "complete");
        settle(100); // a fixed window on purpose: no second route, retry or failure may follow
        assertThat(downstream.calls).filteredOn(c -> c.startsWith("route:")).hasSize(1);
        assertThat(downstream.failure).isNull();
        assertThat(primary.calls()).isEqualTo(1); // a 429 moves on at once, no retry
        assertThat(secondary.calls()).isEqualTo(1);
        assertThat(health.admits(PRIMARY, FAST))
                .as("the primary rests for its Retry-After")
                .isFalse();
        assertThat(services.flagged).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedOnTheSameTargetWithExponentialBackOff() {
        Resilience resilience = new Resilience(3, 100, 2, 0, 10, 30_000, 60_000);
        ScriptedAdapter primary = adapter("primary")
                .then(
                        Outcome.failure("upstream-error", 500),
                        Outcome.failure("upstream-error", 502),
                        Outcome.success(new Usage(4, 1, false), "ok"));
        ScriptedAdapter secondary = adapter("secondary");

        assertThat(run(route(resilience, PRIMARY, SECONDARY)))
                .containsExactly("route:primary/model-a#3", "delta:ok", "usage:4/1", "complete");

        assertThat(primary.calls()).isEqualTo(3);
        assertThat(secondary.calls()).isZero();
        long firstGap = TimeUnit.NANOSECONDS.toMillis(primary.callNanos.get(1) - primary.callNanos.get(0));
        long secondGap = TimeUnit.NANOSECONDS.toMillis(primary.callNanos.get(2) - primary.callNanos.get(1));
        assertThat(firstGap).as("back-off before retry 1").isGreaterThanOrEqualTo(90);
        assertThat(secondGap).as("back-off before retry 2 (x2)").isGreaterThanOrEqualTo(190);
    }

    @Test
    void aRetryWaitsForTheUpstreamsRetryAfterInsteadOfTheBackOff() {
        ScriptedAdapter primary = adapter("primary")
                .then(
                        Outcome.failure("upstream-unavailable", 503, Duration.ofMillis(400), "busy"),
                        Outcome.success(new Usage(4, 1, false), "ok"));

        assertThat(run(route(FAST, PRIMARY)))
                .containsExactly("route:primary/model-a#2", "delta:ok", "usage:4/1", "complete");

        long gap = TimeUnit.NANOSECONDS.toMillis(primary.callNanos.get(1) - primary.callNanos.get(0));
        assertThat(gap).as("Retry-After 0.4 s, not FAST's 20 ms back-off").isGreaterThanOrEqualTo(390);
    }

    @Test
    void backOffGrowsByTheMultiplierAndStaysWithinTheJitter() {
        Route exact = route(new Resilience(5, 100, 2, 0, 10, 30_000, 60_000), PRIMARY);
        RoutedGeneration generation = new RoutedGeneration(exact, REQUEST, new Downstream(), services);
        assertThat(List.of(
                        generation.backoffMillis(1),
                        generation.backoffMillis(2),
                        generation.backoffMillis(3),
                        generation.backoffMillis(4)))
                .containsExactly(100L, 200L, 400L, 800L);

        Route jittered = route(new Resilience(5, 1000, 1.5, 0.2, 10, 30_000, 60_000), PRIMARY);
        RoutedGeneration spread = new RoutedGeneration(jittered, REQUEST, new Downstream(), services);
        for (int i = 0; i < 1000; i++) {
            assertThat(spread.backoffMillis(2)).isBetween(1200L, 1800L);
        }
    }

    @Test
    void aBadRequestIsNeitherRetriedNorFallenBackFrom() {
        ScriptedAdapter primary = adapter("primary")
                .always(Outcome.failure(
                        "upstream-bad-request", 400, null, "The upstream answered HTTP 400: Invalid 'temperature'"));
        ScriptedAdapter secondary = adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "x"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd()).containsExactly("error:upstream-bad-request");
        assertThat(downstream.failure)
                .isEqualTo(new ProviderFailure(
                        "upstream-bad-request", "The upstream answered HTTP 400: Invalid 'temperature'", 400, null));
        settle(150); // longer than any FAST back-off
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isZero();
        assertThat(downstream.calls).containsExactly("error:upstream-bad-request");
    }

    @Test
    void aBusinessRefusalIsNeitherRetriedNorFallenBackFrom() {
        ScriptedAdapter primary =
                adapter("primary").always(Outcome.failure("upstream-business", 0, null, "The workflow failed"));
        ScriptedAdapter secondary = adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "x"));

        assertThat(run(route(FAST, PRIMARY, SECONDARY))).containsExactly("error:upstream-business");
        settle(150); // longer than any FAST back-off: neither a retry nor a fallback follows
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isZero();
    }

    @Test
    void aRefusedKeyIsFlaggedAndTheNextTargetServes() {
        services.keys.put(PRIMARY.id(), "sk-primary-0123456789");
        ScriptedAdapter primary = adapter("primary")
                .always(Outcome.failure(
                        "upstream-auth", 401, null, "The upstream answered HTTP 401: Incorrect API key provided"));
        ScriptedAdapter secondary = adapter("secondary").then(Outcome.success(new Usage(3, 1, false), "hi"));

        assertThat(run(route(FAST, PRIMARY, SECONDARY)))
                .containsExactly("route:secondary/model-b#2", "delta:hi", "usage:3/1", "complete");

        assertThat(services.flagged)
                .containsExactly("primary:model-a: The upstream answered HTTP 401: Incorrect API key provided");
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isEqualTo(1);
    }

    @Test
    void aFailureAfterTheFirstDeltaIsCommittedAndEndsTheGeneration() {
        ScriptedAdapter primary = adapter("primary")
                .then(Outcome.failure("upstream-cut", 0, null, "cut").afterDeltas("Once", " upon"));
        ScriptedAdapter secondary = adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "x"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd())
                .containsExactly("route:primary/model-a#1", "delta:Once", "delta: upon", "error:upstream-cut");
        settle(150); // longer than any FAST back-off: neither a retry nor a fallback follows
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isZero();
        assertThat(downstream.calls).hasSize(4);
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndAdmitsATrialCallAfterItsCoolDown() {
        Resilience resilience = new Resilience(1, 0, 1, 0, 3, 200, 60_000);
        Route route = route(resilience, PRIMARY, SECONDARY);
        ScriptedAdapter primary = adapter("primary")
                .then(
                        Outcome.failure("upstream-error", 500),
                        Outcome.failure("upstream-error", 500),
                        Outcome.failure("upstream-error", 500),
                        Outcome.success(new Usage(1, 1, false), "back"),
                        Outcome.success(new Usage(1, 1, false), "again"));
        ScriptedAdapter secondary = adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "spare"));

        for (int i = 1; i <= 3; i++) {
            assertThat(run(route)).startsWith("route:secondary/model-b#2");
            assertThat(primary.calls()).isEqualTo(i);
        }
        // open: the primary is skipped, the secondary serves at the first call
        for (int i = 0; i < 2; i++) {
            assertThat(run(route)).startsWith("route:secondary/model-b#1");
            assertThat(primary.calls()).isEqualTo(3);
        }
        settle(260); // the cool-down passes
        assertThat(run(route)).containsExactly("route:primary/model-a#1", "delta:back", "usage:1/1", "complete");
        assertThat(primary.calls()).isEqualTo(4);
        // the trial succeeded: closed again
        assertThat(run(route)).startsWith("route:primary/model-a#1");
        assertThat(primary.calls()).isEqualTo(5);
        assertThat(secondary.calls()).isEqualTo(5);
    }

    @Test
    void aFailedTrialCallReopensTheBreaker() {
        Resilience resilience = new Resilience(1, 0, 1, 0, 2, 200, 60_000);
        Route route = route(resilience, PRIMARY, SECONDARY);
        ScriptedAdapter primary = adapter("primary").always(Outcome.failure("upstream-error", 503));
        adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "spare"));

        run(route);
        run(route);
        assertThat(primary.calls()).isEqualTo(2);
        run(route);
        assertThat(primary.calls()).isEqualTo(2);
        settle(260); // the cool-down passes
        assertThat(run(route)).startsWith("route:secondary/model-b#2"); // the trial failed
        assertThat(primary.calls()).isEqualTo(3);
        assertThat(run(route)).startsWith("route:secondary/model-b#1"); // open again
        assertThat(primary.calls()).isEqualTo(3);
    }

    @Test
    void whenEveryTargetFailsTheLastFailureIsReported() {
        Resilience once = new Resilience(1, 0, 1, 0, 100, 30_000, 60_000);
        adapter("primary").always(Outcome.failure("upstream-error", 503, null, "primary is down"));
        adapter("secondary").always(Outcome.failure("upstream-timeout", 0, null, "secondary timed out"));
        Downstream downstream = new Downstream();

        start(route(once, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd()).containsExactly("error:upstream-timeout");
        assertThat(downstream.failure).isEqualTo(new ProviderFailure("upstream-timeout", "secondary timed out", 0));
    }

    @Test
    void retriesAreExhaustedOnEachTargetBeforeTheLastFailureIsReported() {
        ScriptedAdapter primary = adapter("primary").always(Outcome.failure("upstream-error", 500, null, "p"));
        ScriptedAdapter secondary = adapter("secondary").always(Outcome.failure("upstream-error", 502, null, "s"));

        assertThat(run(route(FAST, PRIMARY, SECONDARY))).containsExactly("error:upstream-error");
        assertThat(primary.calls()).isEqualTo(3);
        assertThat(secondary.calls()).isEqualTo(3);
    }

    @Test
    void withEveryBreakerOpenNoTargetIsAvailable() {
        Resilience resilience = new Resilience(1, 0, 1, 0, 1, 30_000, 60_000);
        health.failed(PRIMARY, resilience);
        health.failed(SECONDARY, resilience);
        ScriptedAdapter primary = adapter("primary");
        ScriptedAdapter secondary = adapter("secondary");
        Downstream downstream = new Downstream();

        start(route(resilience, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd()).containsExactly("error:no-target-available");
        assertThat(downstream.failure.detail()).contains("'smart'");
        assertThat(primary.calls() + secondary.calls()).isZero();
    }

    @Test
    void aCancelDuringAPendingRetryStopsEverything() {
        Resilience slow = new Resilience(3, 300, 1, 0, 100, 30_000, 60_000);
        ScriptedAdapter primary = adapter("primary")
                .then(Outcome.failure("upstream-error", 500), Outcome.success(new Usage(1, 1, false), "late"));
        ScriptedAdapter secondary = adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "x"));
        Downstream downstream = new Downstream();

        RoutedGeneration generation = start(route(slow, PRIMARY, SECONDARY), downstream);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (primary.played.get() == 0 && System.nanoTime() < deadline) {
            settle(2);
        }
        assertThat(primary.played.get()).as("the first call failed").isEqualTo(1);
        generation.cancel();

        settle(600); // past the 300 ms back-off
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isZero();
        assertThat(downstream.calls).isEmpty();
    }

    @Test
    void aCancelMidStreamCancelsTheCallAndNothingFollows() {
        ScriptedAdapter primary = adapter("primary").then(Outcome.hang("Hel"));
        Downstream downstream = new Downstream();

        RoutedGeneration generation = start(route(FAST, PRIMARY, SECONDARY), downstream);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (downstream.calls.size() < 2 && System.nanoTime() < deadline) {
            settle(2);
        }
        assertThat(downstream.calls).containsExactly("route:primary/model-a#1", "delta:Hel");

        generation.cancel();

        assertThat(primary.cancels.get()).isEqualTo(1);
        settle(100); // a fixed window on purpose: nothing may follow the cancel
        assertThat(downstream.calls).containsExactly("route:primary/model-a#1", "delta:Hel");
    }

    @Test
    void theTrialAfterABreakersCoolDownClosesItAtItsFirstToken() {
        Resilience fragile = new Resilience(1, 20, 2, 0, 1, 50, 60_000);
        ScriptedAdapter primary =
                adapter("primary").then(Outcome.failure("upstream-unavailable", 503), Outcome.hang("Hel"));
        assertThat(run(route(fragile, PRIMARY))).containsExactly("error:upstream-unavailable");
        assertThat(health.snapshot().get(0).breaker()).isEqualTo("open");
        settle(100); // past the cool-down

        Downstream downstream = new Downstream();
        RoutedGeneration trial = start(route(fragile, PRIMARY), downstream);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (downstream.calls.size() < 2 && System.nanoTime() < deadline) {
            settle(2);
        }

        assertThat(downstream.calls).containsExactly("route:primary/model-a#1", "delta:Hel");
        assertThat(health.snapshot().get(0).breaker())
                .as("the trial is still generating, and the breaker is already closed")
                .isEqualTo("closed");
        assertThat(health.admits(PRIMARY, fragile)).isTrue();
        trial.cancel();
        assertThat(primary.calls()).isEqualTo(2);
    }

    @Test
    void aKeyEchoedInAnUpstreamErrorIsReplaced() {
        String key = "sk-live-4f9a8b7c6d5e";
        services.keys.put(PRIMARY.id(), key);
        adapter("primary")
                .always(Outcome.failure(
                        "upstream-bad-request",
                        400,
                        null,
                        "The upstream answered HTTP 400: key " + key + " is not valid for model-a (" + key + ")"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY), downstream);

        assertThat(downstream.awaitEnd()).containsExactly("error:upstream-bad-request");
        assertThat(downstream.failure.detail())
                .isEqualTo("The upstream answered HTTP 400: key [key] is not valid for model-a ([key])");
        assertThat(downstream.failure.upstreamStatus()).isEqualTo(400);
    }

    @Test
    void aKeyEchoedInARefusalIsNeitherFlaggedNorReportedInTheClear() {
        String key = "sk-live-4f9a8b7c6d5e";
        services.keys.put(PRIMARY.id(), key);
        adapter("primary").always(Outcome.failure("upstream-auth", 401, null, "Incorrect API key provided: " + key));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY), downstream);

        assertThat(downstream.awaitEnd()).containsExactly("error:upstream-auth");
        assertThat(downstream.failure.detail()).isEqualTo("Incorrect API key provided: [key]");
        assertThat(services.flagged).containsExactly("primary:model-a: Incorrect API key provided: [key]");
    }

    @Test
    void withoutReportedUsageAnEstimateIsReportedBeforeCompletion() {
        adapter("primary").then(Outcome.success(null, "Hello", " world"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY), downstream);

        // cl100k_base: "Say hello" is 2 tokens + 3 per message; "Hello world" is 2 tokens
        assertThat(downstream.awaitEnd())
                .containsExactly("route:primary/model-a#1", "delta:Hello", "delta: world", "usage:5/2~", "complete");
        assertThat(downstream.usage.estimated()).isTrue();
        assertThat(downstream.usage.cost()).isNull();
    }

    @Test
    void aCompletionWithoutTextStillGetsARouteAndAnEstimate() {
        adapter("primary").then(Outcome.success(null));

        assertThat(run(route(FAST, PRIMARY))).containsExactly("route:primary/model-a#1", "usage:5/0~", "complete");
    }

    @Test
    void reportedUsageIsCostedAtTheServingTargetsPrices() {
        RouteTarget priced = target("priced", "model-p", 1, "0.5", "1.5");
        adapter("priced").then(Outcome.success(new Usage(1000, 2000, false), "x"));
        Downstream downstream = new Downstream();

        start(route(FAST, priced), downstream);

        assertThat(downstream.awaitEnd())
                .containsExactly("route:priced/model-p#1", "delta:x", "usage:1000/2000", "complete");
        assertThat(downstream.usage.estimated()).isFalse();
        assertThat(downstream.usage.cost()).isEqualByComparingTo("3.5"); // 1000 × 0.5/1k + 2000 × 1.5/1k
    }

    @Test
    void anEstimatedUsageIsCostedToo() {
        RouteTarget priced = target("priced", "model-p", 1, "0.5", "1.5");
        adapter("priced").then(Outcome.success(null, "Hello", " world"));
        Downstream downstream = new Downstream();

        start(route(FAST, priced), downstream);

        assertThat(downstream.awaitEnd()).contains("usage:5/2~");
        assertThat(downstream.usage.cost()).isEqualByComparingTo("0.0055"); // (5 × 0.5 + 2 × 1.5) / 1000
    }

    @Test
    void theCostIsTheFallbackTargetsNotThePrimarys() {
        RouteTarget cheap = target("cheap", "model-c", 1, "0.1", "0.1");
        RouteTarget dear = target("dear", "model-d", 2, "10", "30");
        adapter("cheap").then(Outcome.failure("upstream-quota", 429));
        adapter("dear").then(Outcome.success(new Usage(100, 10, false), "x"));
        Downstream downstream = new Downstream();

        start(route(FAST, cheap, dear), downstream);

        assertThat(downstream.awaitEnd()).startsWith("route:dear/model-d#2");
        assertThat(downstream.usage.cost()).isEqualByComparingTo("1.3"); // (100 × 10 + 10 × 30) / 1000
    }

    @Test
    void callbacksOfAnAbandonedAttemptAreIgnored() {
        adapter("primary").then(Outcome.failure("upstream-quota", 429).thenLate("stale"));
        adapter("secondary").then(Outcome.success(new Usage(1, 1, false), "fresh"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd())
                .containsExactly("route:secondary/model-b#2", "delta:fresh", "usage:1/1", "complete");
        settle(100); // a fixed window on purpose: nothing more may surface, the stale delta included
        assertThat(downstream.calls).doesNotContain("delta:stale").hasSize(4);
    }

    @Test
    void synchronousAdaptersFallBackAndRetryToo() {
        ScriptedAdapter primary = adapter("primary", false).then(Outcome.failure("upstream-quota", 429));
        ScriptedAdapter secondary = adapter("secondary", false)
                .then(Outcome.failure("upstream-error", 500), Outcome.success(new Usage(2, 1, false), "sync"));

        assertThat(run(route(FAST, PRIMARY, SECONDARY)))
                .containsExactly("route:secondary/model-b#3", "delta:sync", "usage:2/1", "complete");
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isEqualTo(2);
    }

    @Test
    void anAdapterThatCannotStartIsATransientFailure() {
        Resilience once = new Resilience(1, 0, 1, 0, 100, 30_000, 60_000);
        services.adapters.put("primary", null); // throws a NullPointerException when generate is called on it
        adapter("secondary").then(Outcome.success(new Usage(1, 1, false), "ok"));

        assertThat(run(route(once, PRIMARY, SECONDARY)))
                .containsExactly("route:secondary/model-b#2", "delta:ok", "usage:1/1", "complete");
    }

    @Test
    void theUpstreamCarriesTheTargetsModelAndKey() {
        services.keys.put(PRIMARY.id(), "sk-primary-0123456789");
        ScriptedAdapter primary = adapter("primary").then(Outcome.success(new Usage(1, 1, false), "x"));

        run(route(FAST, PRIMARY));

        assertThat(primary.upstreamsSeen)
                .containsExactly(new Upstream(
                        "https://primary.invalid/v1", "sk-primary-0123456789", "model-a", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void aTargetWhoseKeyCannotBeOpenedIsSkippedAndNotCountedAsACall() {
        services.unopenable.add(PRIMARY.id());
        ScriptedAdapter primary = adapter("primary");
        adapter("secondary").then(Outcome.success(new Usage(1, 1, false), "ok"));

        List<String> calls = run(route(FAST, PRIMARY, SECONDARY));

        assertThat(primary.calls()).isZero();
        assertThat(calls).containsExactly("route:secondary/model-b#1", "delta:ok", "usage:1/1", "complete");
    }

    @Test
    void whenNoKeyOpensTheFailureIsAnAuthFailure() {
        services.unopenable.add(PRIMARY.id());

        List<String> calls = run(route(FAST, PRIMARY));

        assertThat(calls).containsExactly("error:upstream-auth");
        assertThat(new ArrayList<>(services.flagged)).isEmpty();
    }

    @Test
    void aFallbackWhoseUpstreamCannotBeResolvedStillEndsTheGeneration() {
        Resilience once = new Resilience(1, 0, 1, 0, 100, 30_000, 60_000);
        adapter("primary").always(Outcome.failure("upstream-error", 500, null, "primary is down"));
        ScriptedAdapter secondary = adapter("secondary");
        // what KeyVault.open throws besides KeyUnavailable: Conflict (no master key) or, from MasterKeys.open on
        // a ciphertext shorter than its IV, IllegalArgumentException
        services.upstreamFailures.put(SECONDARY.id(), new IllegalArgumentException("Invalid buffer"));
        Downstream downstream = new Downstream();

        start(route(once, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd()).hasSize(1).first().asString().startsWith("error:");
        assertThat(secondary.calls()).isZero();
    }

    @Test
    void eachCallIsReportedAsAnAttemptWithItsFailureBeforeTheNextOne() {
        adapter("primary").always(Outcome.failure("upstream-error", 503));
        adapter("secondary").then(Outcome.success(new Usage(1, 1, false), "ok"));
        Downstream downstream = new Downstream();

        start(route(FAST, PRIMARY, SECONDARY), downstream);

        assertThat(downstream.awaitEnd()).startsWith("route:secondary/model-b#4");
        assertThat(downstream.attempts)
                .containsExactly(
                        "call:primary/model-a",
                        "failed:upstream-error/503",
                        "call:primary/model-a",
                        "failed:upstream-error/503",
                        "call:primary/model-a",
                        "failed:upstream-error/503",
                        "call:secondary/model-b");
    }

    @Test
    void aTargetPassedOverIsReportedWithWhy() {
        Resilience fragile = new Resilience(1, 0, 1, 0, 1, 30_000, 60_000);
        adapter("primary").then(Outcome.failure("upstream-error", 500));
        adapter("secondary").always(Outcome.success(new Usage(1, 1, false), "ok"));
        RouteTarget resting = target("resting", "model-c", 1);
        adapter("resting").then(Outcome.failure("upstream-quota", 429, Duration.ofSeconds(30), "slow down"));
        run(route(fragile, PRIMARY, SECONDARY)); // opens the primary's breaker
        run(route(fragile, resting, SECONDARY)); // rests the other one

        Downstream downstream = new Downstream();
        start(route(fragile, PRIMARY, resting, SECONDARY), downstream);

        assertThat(downstream.awaitEnd()).startsWith("route:secondary/model-b#1");
        assertThat(downstream.attempts)
                .containsExactly(
                        "skipped:primary/model-a:breaker-open",
                        "skipped:resting/model-c:rate-limited",
                        "call:secondary/model-b");
    }
}
