package org.switchboard.core.routing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.routing.entity.Embedded;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/**
 * The one retry/failover policy, driven through embeddings (one-shot calls) with scripted adapters, a real
 * {@link TargetHealth} and a real scheduler: what chat does by {@link RoutedGenerationTest}, embeddings now do too.
 */
class FailoverTest {
    /** Retries fast, never jitters, breaker far away. */
    private static final Resilience FAST = new Resilience(3, 20, 2, 0, 100, 30_000, 60_000);

    private static final RouteTarget PRIMARY = target("primary", 1);
    private static final RouteTarget SECONDARY = target("secondary", 2);

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final TargetHealth health = new TargetHealth();
    private final Map<String, EmbeddingAdapter> adapters = new HashMap<>();
    private final List<String> flagged = new CopyOnWriteArrayList<>();

    private final TargetServices services = new TargetServices() {
        @Override
        public ProviderAdapter adapter(String kind) {
            return adapters.get(kind);
        }

        @Override
        public Upstream upstream(RouteTarget target) {
            return new Upstream(target.baseUrl(), "sk-" + target.id() + "-secret", target.model(), null);
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
    };

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    /** Answers each call with the next scripted failure, or with one vector once the script is played. */
    final class EmbeddingAdapter implements ProviderAdapter {
        final String kind;
        final Deque<ProviderFailure> script = new ArrayDeque<>();
        final List<Long> callNanos = new CopyOnWriteArrayList<>();

        EmbeddingAdapter(String kind, ProviderFailure... failures) {
            this.kind = kind;
            script.addAll(List.of(failures));
            adapters.put(kind, this);
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized CompletableFuture<Embeddings> embed(Upstream upstream, List<String> inputs) {
            callNanos.add(System.nanoTime());
            ProviderFailure failure = script.poll();
            return CompletableFuture.supplyAsync(
                    () -> {
                        if (failure != null) {
                            throw new CallFailure(failure);
                        }
                        return new Embeddings(List.of(new double[] {1, 0}), 3);
                    },
                    CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS));
        }

        int calls() {
            return callNanos.size();
        }
    }

    private static RouteTarget target(String name, int priority) {
        return new RouteTarget(
                name,
                priority,
                name,
                name,
                "https://" + name + ".invalid/v1",
                JsonValue.EMPTY_JSON_OBJECT,
                "m-" + name,
                null,
                new Target(name, "m-" + name, null, 1, priority, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private static Route route(Resilience resilience, RouteTarget... targets) {
        return new Route(1, "embed", Strategy.PRIORITY, List.of(targets), resilience);
    }

    private static ProviderFailure failure(String type, int status, Duration retryAfter) {
        return new ProviderFailure(type, "HTTP " + status, status, retryAfter);
    }

    private static ProviderFailure failure(String type, int status) {
        return failure(type, status, null);
    }

    private Embedded embed(Route route) throws Exception {
        return RoutedEmbeddings.embed(route, List.of("words"), services).get(10, TimeUnit.SECONDS);
    }

    private ProviderFailure embedFails(Route route) {
        CompletableFuture<Embedded> future = RoutedEmbeddings.embed(route, List.of("words"), services);
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TargetFailed.class);
        try {
            future.get();
            throw new AssertionError("completed");
        } catch (ExecutionException e) {
            return ((TargetFailed) e.getCause()).failure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void transientFailuresAreRetriedWithBackOffThenTheNextTargetServes() throws Exception {
        EmbeddingAdapter primary = new EmbeddingAdapter(
                "primary",
                failure("upstream-error", 500),
                failure("upstream-error", 502),
                failure("upstream-timeout", 0));
        EmbeddingAdapter secondary = new EmbeddingAdapter("secondary");

        Embedded embedded = embed(route(FAST, PRIMARY, SECONDARY));

        assertThat(embedded.servedBy()).isEqualTo("secondary/m-secondary");
        assertThat(embedded.inputTokens()).isEqualTo(3);
        assertThat(primary.calls()).as("every attempt on the primary first").isEqualTo(3);
        assertThat(secondary.calls()).isEqualTo(1);
        long firstGap = TimeUnit.NANOSECONDS.toMillis(primary.callNanos.get(1) - primary.callNanos.get(0));
        long secondGap = TimeUnit.NANOSECONDS.toMillis(primary.callNanos.get(2) - primary.callNanos.get(1));
        assertThat(firstGap).isGreaterThanOrEqualTo(18);
        assertThat(secondGap).as("×2").isGreaterThanOrEqualTo(38);
    }

    @Test
    void aRetryWaitsForTheUpstreamsRetryAfterInsteadOfTheBackOff() throws Exception {
        EmbeddingAdapter primary =
                new EmbeddingAdapter("primary", failure("upstream-error", 503, Duration.ofMillis(400)));

        assertThat(embed(route(FAST, PRIMARY)).servedBy()).isEqualTo("primary/m-primary");

        assertThat(primary.calls()).isEqualTo(2);
        long gap = TimeUnit.NANOSECONDS.toMillis(primary.callNanos.get(1) - primary.callNanos.get(0));
        assertThat(gap).as("Retry-After 0.4 s, not the 20 ms back-off").isGreaterThanOrEqualTo(390);
    }

    @Test
    void aQuotaRefusalRestsTheTargetForItsRetryAfterAndTheNextServesAtOnce() throws Exception {
        EmbeddingAdapter primary =
                new EmbeddingAdapter("primary", failure("upstream-quota", 429, Duration.ofSeconds(30)));
        EmbeddingAdapter secondary = new EmbeddingAdapter("secondary");

        assertThat(embed(route(FAST, PRIMARY, SECONDARY)).servedBy()).isEqualTo("secondary/m-secondary");

        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isEqualTo(1);
        assertThat(health.admits(PRIMARY, FAST))
                .as("resting for its Retry-After")
                .isFalse();
        assertThat(embed(route(FAST, PRIMARY, SECONDARY)).servedBy()).isEqualTo("secondary/m-secondary");
        assertThat(primary.calls()).isEqualTo(1);
    }

    @Test
    void aBadRequestIsNeitherRetriedNorFallenBackFrom() {
        EmbeddingAdapter primary = new EmbeddingAdapter("primary", failure("upstream-bad-request", 400));
        EmbeddingAdapter secondary = new EmbeddingAdapter("secondary");

        assertThat(embedFails(route(FAST, PRIMARY, SECONDARY)).type()).isEqualTo("upstream-bad-request");

        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isZero();
    }

    @Test
    void aRefusedKeyIsFlaggedNotRetriedAndTheNextTargetServes() throws Exception {
        EmbeddingAdapter primary = new EmbeddingAdapter(
                "primary",
                new ProviderFailure("upstream-auth", "Incorrect API key provided: sk-primary-secret", 401, null));
        EmbeddingAdapter secondary = new EmbeddingAdapter("secondary");

        assertThat(embed(route(FAST, PRIMARY, SECONDARY)).servedBy()).isEqualTo("secondary/m-secondary");

        assertThat(primary.calls()).isEqualTo(1);
        assertThat(secondary.calls()).isEqualTo(1);
        assertThat(flagged).containsExactly("primary: Incorrect API key provided: [key]");
    }

    @Test
    void whenEveryTargetFailsTheLastFailureIsReported() {
        Resilience once = new Resilience(1, 0, 1, 0, 100, 30_000, 60_000);
        new EmbeddingAdapter("primary", failure("upstream-error", 500));
        new EmbeddingAdapter("secondary", failure("upstream-unreachable", 0));

        assertThat(embedFails(route(once, PRIMARY, SECONDARY)).type()).isEqualTo("upstream-unreachable");
    }

    @Test
    void anOpenBreakerSkipsItsTargetAndWithNoneAdmittedNoTargetIsAvailable() throws Exception {
        Resilience fragile = new Resilience(1, 0, 1, 0, 1, 30_000, 60_000);
        EmbeddingAdapter primary = new EmbeddingAdapter("primary", failure("upstream-error", 500));
        EmbeddingAdapter secondary = new EmbeddingAdapter("secondary");

        assertThat(embed(route(fragile, PRIMARY, SECONDARY)).servedBy()).isEqualTo("secondary/m-secondary");
        assertThat(embed(route(fragile, PRIMARY, SECONDARY)).servedBy()).isEqualTo("secondary/m-secondary");
        assertThat(primary.calls()).as("open after one failure").isEqualTo(1);
        assertThat(embedFails(route(fragile, PRIMARY)).type()).isEqualTo("no-target-available");
        assertThat(secondary.calls()).isEqualTo(2);
    }

    @Test
    void aFailureAfterTextReachedTheClientIsNeitherRetriedNorFallenBackFrom() {
        TargetFailed committed = new TargetFailed(failure("upstream-cut", 0), true);
        TargetFailed before = new TargetFailed(failure("upstream-cut", 0), false);

        assertThat(before.retryable()).isTrue();
        assertThat(before.fallsBack()).isTrue();
        assertThat(committed.retryable()).isFalse();
        assertThat(committed.fallsBack()).isFalse();
    }

    @Test
    void theDelayIsTheRetryAfterWhenGivenElseTheBackOff() {
        Resilience resilience = new Resilience(5, 100, 2, 0, 10, 30_000, 60_000);
        TargetFailed withRetryAfter = new TargetFailed(failure("upstream-error", 503, Duration.ofSeconds(7)), false);
        TargetFailed without = new TargetFailed(failure("upstream-error", 503), false);

        assertThat(RetryPolicies.delay(withRetryAfter, 1, resilience)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicies.delay(without, 3, resilience)).isEqualTo(Duration.ofMillis(400));
    }
}
