package org.switchboard.core.routing.control;

import dev.failsafe.AsyncExecution;
import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.event.ExecutionAttemptedEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.switchboard.core.keys.KeyUnavailable;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ProviderFailure;

/**
 * One request's way through a route's targets (SPEC §5), for chat and embeddings alike, on Failsafe: each admitted
 * target gets a {@link RetryPolicies retry policy} inside a {@link Fallback} to the next admitted target, in the
 * order the route's strategy draws once per request. A call reports its outcome when it has one, through
 * {@link #succeeded} or {@link #failed} on its {@link AsyncExecution}: a stream's outcome comes by callback.
 * Every failure is booked against its target here (key flagged, quota rest, breaker); {@link FailureClass}
 * decides what follows. The future fails with a {@link TargetFailed} carrying the failure the client gets.
 */
final class Failover<T> {
    private static final Logger LOG = Logger.getLogger(Failover.class.getName());

    /** Starts one call to one target; reports through the execution, never by throwing. */
    @FunctionalInterface
    interface Call<T> {
        void start(RouteTarget target, Upstream upstream, AsyncExecution<T> execution);
    }

    /** Learns of a target passed over without a call, and why (a breaker, a 429 rest, a key that does not open). */
    @FunctionalInterface
    interface Skipped {
        void skipped(RouteTarget target, String outcome);
    }

    private final Route route;
    private final TargetServices services;
    private final Call<T> call;
    private final Skipped skipped;
    private final List<RouteTarget> order;
    private final CallerThreadScheduler scheduler;
    private volatile boolean cancelled;
    private volatile CompletableFuture<T> running;
    private volatile int targetsTried;

    Failover(Route route, TargetServices services, Call<T> call) {
        this(route, services, call, (target, outcome) -> {});
    }

    Failover(Route route, TargetServices services, Call<T> call, Skipped skipped) {
        this.route = route;
        this.services = services;
        this.call = call;
        this.skipped = skipped;
        this.order = services.health().order(route);
        this.scheduler = new CallerThreadScheduler(services.timers());
    }

    CompletableFuture<T> start() {
        return from(0, null);
    }

    /**
     * Stops any pending retry or fallback. Failsafe's future is cancelled on a timer thread: the caller may hold
     * the run engine's lock, and Failsafe's lock is held while a call delivers to the engine.
     */
    void cancel() {
        cancelled = true;
        CompletableFuture<T> current = running;
        if (current != null && !current.isDone()) {
            services.timers().execute(() -> current.cancel(false));
        }
    }

    void succeeded(AsyncExecution<T> execution, RouteTarget target, T value) {
        services.health().succeeded(target, route.resilience());
        complete(execution, value);
    }

    /** For a call that booked its success itself. */
    void complete(AsyncExecution<T> execution, T value) {
        record(execution, value, null);
    }

    void failed(
            AsyncExecution<T> execution,
            RouteTarget target,
            Upstream upstream,
            ProviderFailure raw,
            boolean committed) {
        ProviderFailure failure = scrub(raw, upstream);
        book(target, failure, committed);
        record(execution, null, new TargetFailed(failure, committed));
    }

    private CompletableFuture<T> from(int index, ProviderFailure last) {
        for (int i = index; i < order.size() && !cancelled; i++) {
            RouteTarget target = order.get(i);
            String refusal = services.health().refusal(target, route.resilience());
            if (refusal != null) {
                skipped.skipped(target, refusal);
                continue;
            }
            Upstream upstream;
            try {
                upstream = services.upstream(target);
            } catch (RuntimeException e) { // a key that does not open, no master key: skip, never hang
                LOG.warning("Target " + target.label() + " skipped: " + e.getMessage());
                last = new ProviderFailure(
                        e instanceof KeyUnavailable ? "upstream-auth" : "provider-error",
                        "The key of " + target.label() + " cannot be opened",
                        0);
                skipped.skipped(target, last.type());
                continue;
            }
            return attempt(target, upstream, i + 1);
        }
        return CompletableFuture.failedFuture(new TargetFailed(last != null ? last : noTarget(), false));
    }

    private CompletableFuture<T> attempt(RouteTarget target, Upstream upstream, int next) {
        int tried = ++targetsTried; // only ever one thread here: the caller's, or the last target's callback
        Fallback<T> toNext = Fallback.<T>builderOfStage(event -> from(next, failureOf(event)))
                .handleIf((result, thrown) -> thrown instanceof TargetFailed failed && failed.fallsBack())
                .build();
        CompletableFuture<T> future = Failsafe.with(
                        toNext, RetryPolicies.<T>forTarget(target, route.resilience(), services.health()))
                .with(scheduler)
                .getAsyncExecution(execution -> {
                    if (!cancelled) {
                        call.start(target, upstream, execution);
                    }
                });
        if (tried == targetsTried) { // a synchronous call may already have fallen back to a later target
            running = future;
        }
        if (cancelled) {
            cancel();
        }
        return future;
    }

    /** What the target's health learns from a failure: SPEC §5's bookkeeping per error class. */
    private void book(RouteTarget target, ProviderFailure failure, boolean committed) {
        TargetHealth health = services.health();
        switch (committed ? FailureClass.TRANSIENT : FailureClass.of(failure)) {
            case AUTH -> services.flagKey(target, failure.detail());
            case QUOTA -> health.rest(target, route.resilience(), failure.retryAfter());
            case TRANSIENT -> health.failed(target, route.resilience());
            case REFUSED -> {
                // the request's fault, not the target's
            }
        }
    }

    private void record(AsyncExecution<T> execution, T value, Throwable failure) {
        if (cancelled) {
            return;
        }
        try {
            execution.record(value, failure);
        } catch (IllegalStateException cancelledMeanwhile) {
            // the execution was cancelled between the check and the record: nothing waits for it
        }
    }

    private ProviderFailure noTarget() {
        return new ProviderFailure(
                "no-target-available",
                "No target of '" + route.alias()
                        + "' is available (circuit open, resting after a 429, or no active key)",
                0);
    }

    private static ProviderFailure failureOf(ExecutionAttemptedEvent<?> event) {
        return ((TargetFailed) event.getLastException()).failure();
    }

    /** An upstream that echoes the key in an error message must not carry it into a log or an event. */
    private static ProviderFailure scrub(ProviderFailure failure, Upstream upstream) {
        String key = upstream.apiKey();
        if (key == null
                || key.length() < 4
                || failure.detail() == null
                || !failure.detail().contains(key)) {
            return failure;
        }
        return new ProviderFailure(
                failure.type(), failure.detail().replace(key, "[key]"), failure.upstreamStatus(), failure.retryAfter());
    }
}
