package org.switchboard.core.routing.control;

import dev.failsafe.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.core.routing.entity.Resilience;

/**
 * What this instance knows about each target's health: a circuit breaker (Failsafe's, shared by every request
 * to the target; a {@link Failover} asks {@link #admits} before each call and books each outcome, and the first
 * token of a stream closes a half-open one), a quota rest after a 429, and the moving
 * average of time to first token that the latency strategy sorts by. Kept per instance, in memory: each
 * instance learns on its own traffic.
 */
@ApplicationScoped
public class TargetHealth {
    private static final double EWMA_WEIGHT = 0.3;
    static final String RATE_LIMITED = "rate-limited";
    static final String BREAKER_OPEN = "breaker-open";

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** The targets of a route in the order its strategy tries them for one request. */
    public List<RouteTarget> order(Route route) {
        List<RouteTarget> targets = new ArrayList<>(route.targets()); // already by priority
        switch (route.strategy()) {
            case WEIGHTED -> {
                RouteTarget first = drawByWeight(targets);
                if (first != null) {
                    targets.remove(first);
                    targets.add(0, first);
                }
            }
            case LATENCY -> targets.sort(Comparator.comparingDouble(t -> {
                double ewma = state(t, route.resilience()).ttftMillis;
                return Double.isNaN(ewma) ? -1 : ewma; // never measured: try it, to measure it
            }));
            case COST -> targets.sort(Comparator.comparing(t -> t.configured().pricePer1k()));
            default -> {
                // PRIORITY: as sorted
            }
        }
        return targets;
    }

    /** Whether a call may go to the target now: its breaker is not open and it is not resting after a 429. */
    public boolean admits(RouteTarget target, Resilience resilience) {
        return refusal(target, resilience) == null;
    }

    /**
     * Why no call may go to the target now ({@code rate-limited}: resting after a 429; {@code breaker-open}), or
     * null when one may: then the breaker's permit is taken, as by {@link #admits}.
     */
    public String refusal(RouteTarget target, Resilience resilience) {
        State state = state(target, resilience);
        if (System.nanoTime() < state.restUntilNanos) {
            return RATE_LIMITED;
        }
        return state.breaker.tryAcquirePermit() ? null : BREAKER_OPEN;
    }

    public void succeeded(RouteTarget target, Resilience resilience) {
        state(target, resilience).breaker.recordSuccess();
    }

    /**
     * The target's first token arrived. A half-open breaker's trial has then succeeded: the breaker closes now,
     * not when the generation ends, so other requests are not turned away for the length of the trial's whole
     * answer. A closed breaker records nothing here (the generation's end does), so a target that keeps cutting
     * its streams mid-answer still opens it.
     */
    public void answering(RouteTarget target, Resilience resilience) {
        CircuitBreaker<Object> breaker = state(target, resilience).breaker;
        if (breaker.isHalfOpen()) {
            breaker.recordSuccess();
        }
    }

    public void failed(RouteTarget target, Resilience resilience) {
        state(target, resilience).breaker.recordFailure();
    }

    /** A 429: skip the target for {@code Retry-After}, or the policy's quota cool-down without one. */
    public void rest(RouteTarget target, Resilience resilience, Duration retryAfter) {
        long millis = retryAfter != null ? retryAfter.toMillis() : resilience.quotaCoolDownMillis();
        state(target, resilience).restUntilNanos = System.nanoTime() + millis * 1_000_000;
    }

    public void firstToken(RouteTarget target, Resilience resilience, long millis) {
        State state = state(target, resilience);
        synchronized (state) {
            state.ttftMillis = Double.isNaN(state.ttftMillis)
                    ? millis
                    : EWMA_WEIGHT * millis + (1 - EWMA_WEIGHT) * state.ttftMillis;
        }
    }

    /**
     * Whether the target would take a call now, without taking a breaker permit (a dry run must not use up a
     * half-open breaker's trial): its breaker state, how long an open breaker still waits, how long a 429 rest
     * lasts, and its time-to-first-token average (null until measured). A target never called is closed.
     */
    public Readiness readiness(RouteTarget target) {
        State state = states.get(target.id());
        if (state == null) {
            return new Readiness("closed", 0, 0, null);
        }
        return new Readiness(
                state.breaker.getState().name().toLowerCase(java.util.Locale.ROOT),
                state.breaker.isOpen() ? state.breaker.getRemainingDelay().toMillis() : 0,
                Math.max(0, (state.restUntilNanos - System.nanoTime()) / 1_000_000),
                Double.isNaN(state.ttftMillis) ? null : state.ttftMillis);
    }

    /** A target's readiness as {@link #readiness} reads it. */
    public record Readiness(String breaker, long breakerWaitMillis, long restingMillis, Double ttftMillis) {
        /** An open breaker whose cool-down has passed lets the next call through as its trial. */
        public boolean admits() {
            return restingMillis == 0 && breakerWaitMillis == 0;
        }
    }

    /** A view of every known target, for operators. */
    public List<TargetState> snapshot() {
        return states.entrySet().stream()
                .map(e -> new TargetState(
                        e.getKey(),
                        e.getValue().label,
                        e.getValue().breaker.getState().name().toLowerCase(java.util.Locale.ROOT),
                        Double.isNaN(e.getValue().ttftMillis) ? null : e.getValue().ttftMillis,
                        Math.max(0, (e.getValue().restUntilNanos - System.nanoTime()) / 1_000_000)))
                .sorted(Comparator.comparing(TargetState::target))
                .toList();
    }

    private State state(RouteTarget target, Resilience resilience) {
        State state = states.get(target.id());
        if (state == null || !state.settings.equals(resilience)) {
            state = states.compute(
                    target.id(),
                    (id, old) -> old != null && old.settings.equals(resilience)
                            ? old
                            : new State(target.label(), resilience, old));
        }
        return state;
    }

    private static RouteTarget drawByWeight(List<RouteTarget> targets) {
        long total = targets.stream().mapToLong(t -> t.configured().weight()).sum();
        if (total <= 0) {
            return null;
        }
        long draw = ThreadLocalRandom.current().nextLong(total);
        for (RouteTarget target : targets) {
            draw -= target.configured().weight();
            if (draw < 0) {
                return target;
            }
        }
        return null;
    }

    /** One target's health as an operator sees it. */
    public record TargetState(String target, String label, String breaker, Double ttftMillis, long restingMillis) {}

    private static final class State {
        final String label;
        final Resilience settings;
        final CircuitBreaker<Object> breaker;
        volatile long restUntilNanos;
        double ttftMillis = Double.NaN;

        State(String label, Resilience settings, State previous) {
            this.label = label;
            this.settings = settings;
            this.breaker = CircuitBreaker.builder()
                    .withFailureThreshold(settings.breakerFailures())
                    .withDelay(Duration.ofMillis(settings.breakerCoolDownMillis()))
                    .withSuccessThreshold(1)
                    .build();
            if (previous != null) {
                this.ttftMillis = previous.ttftMillis;
                this.restUntilNanos = previous.restUntilNanos;
            } else {
                this.restUntilNanos = System.nanoTime();
            }
        }
    }
}
