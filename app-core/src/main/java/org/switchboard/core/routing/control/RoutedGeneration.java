package org.switchboard.core.routing.control;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.switchboard.core.keys.KeyUnavailable;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * One request through a route (SPEC §5): tries the targets in the strategy's order, retrying a target's
 * transient failures (5xx, timeouts, unreachable, cut or malformed streams) with exponential back-off and
 * jitter, moving on at once after a 429 (the target rests for {@code Retry-After}) or a refused key (the key
 * is flagged), never retrying a bad request or a business refusal. Skips targets whose breaker is open.
 *
 * <p>All of this is invisible to the client as long as no text has reached it: the first delta commits the
 * generation to its target, and a failure after that ends the run (incomplete, partial text kept). Callbacks
 * of an abandoned attempt are ignored; a cancel stops the current attempt and any pending retry.
 */
final class RoutedGeneration implements Generation {
    private static final Logger LOG = Logger.getLogger(RoutedGeneration.class.getName());

    /** What a routed generation needs from the application. */
    interface Services {
        ProviderAdapter adapter(String kind);

        Upstream upstream(RouteTarget target);

        void flagKey(RouteTarget target, String reason);

        TargetHealth health();

        ScheduledExecutorService timers();
    }

    private final Route route;
    private final ChatRequest request;
    private final GenerationListener downstream;
    private final Services services;
    private final List<RouteTarget> order;
    private int targetIndex = -1;
    private int attempt;
    private int calls;
    private int epoch;
    private boolean committed;
    private boolean ended;
    private volatile boolean cancelled;
    private boolean usageSeen;
    private long attemptStartNanos;
    private ProviderFailure lastFailure;
    private volatile Generation current;
    private volatile ScheduledFuture<?> pendingRetry;
    private StringBuilder output;

    RoutedGeneration(Route route, ChatRequest request, GenerationListener downstream, Services services) {
        this.route = route;
        this.request = request;
        this.downstream = downstream;
        this.services = services;
        this.order = services.health().order(route);
    }

    synchronized void start() {
        nextTarget();
    }

    /**
     * Lock-free on purpose: the run engine cancels while holding its own lock, and an attempt's callbacks
     * take this object's lock before calling into the engine.
     */
    @Override
    public void cancel() {
        cancelled = true;
        ScheduledFuture<?> retry = pendingRetry;
        if (retry != null) {
            retry.cancel(false);
        }
        Generation running = current;
        if (running != null) {
            running.cancel();
        }
    }

    private void nextTarget() {
        while (++targetIndex < order.size()) {
            RouteTarget target = order.get(targetIndex);
            if (services.health().admits(target, route.resilience())) {
                attempt = 0;
                call();
                return;
            }
        }
        end(
                lastFailure != null
                        ? lastFailure
                        : new ProviderFailure(
                                "no-target-available",
                                "No target of '" + route.alias()
                                        + "' is available (circuit open, resting after a 429, or" + " no active key)",
                                0));
    }

    private void call() {
        if (cancelled) {
            return;
        }
        RouteTarget target = order.get(targetIndex);
        Upstream upstream;
        try {
            upstream = services.upstream(target);
        } catch (RuntimeException e) { // a key that does not open, no master key: skip, never hang
            LOG.warning("Target " + target.label() + " skipped: " + e.getMessage());
            lastFailure = new ProviderFailure(
                    e instanceof KeyUnavailable ? "upstream-auth" : "provider-error",
                    "The key of " + target.label() + " cannot be opened",
                    0);
            nextTarget();
            return;
        }
        attempt++;
        calls++;
        int myEpoch = ++epoch;
        attemptStartNanos = System.nanoTime();
        try {
            Generation started =
                    services.adapter(target.kind()).generate(upstream, request, new Attempt(target, upstream, myEpoch));
            if (myEpoch == epoch) {
                current = started;
            }
            if (cancelled) {
                started.cancel(); // a cancel that came while this call was starting
            }
        } catch (RuntimeException e) {
            onFailure(
                    target,
                    upstream,
                    myEpoch,
                    new ProviderFailure(
                            "provider-error",
                            "The adapter could not start: " + e.getClass().getSimpleName(),
                            0));
        }
    }

    private synchronized void onFailure(RouteTarget target, Upstream upstream, int from, ProviderFailure raw) {
        if (from != epoch || ended || cancelled) {
            return;
        }
        ProviderFailure failure = scrub(raw, upstream);
        current = null;
        if (committed) {
            services.health().failed(target, route.resilience());
            end(failure); // text already reached the client: no fallback, the run ends incomplete
            return;
        }
        lastFailure = failure;
        switch (failure.type()) {
            case "upstream-auth" -> {
                services.flagKey(target, failure.detail());
                nextTarget();
            }
            case "upstream-quota" -> {
                services.health().rest(target, route.resilience(), failure.retryAfter());
                nextTarget();
            }
            case "upstream-bad-request", "upstream-business" -> end(failure);
            default -> {
                services.health().failed(target, route.resilience());
                if (attempt < route.resilience().maxAttempts()
                        && services.health().admits(target, route.resilience())) {
                    long delay = backoffMillis(attempt);
                    pendingRetry = services.timers().schedule(this::retry, delay, TimeUnit.MILLISECONDS);
                } else {
                    nextTarget();
                }
            }
        }
    }

    private synchronized void retry() {
        pendingRetry = null;
        if (!ended && !cancelled) {
            call();
        }
    }

    long backoffMillis(int failedAttempt) {
        var r = route.resilience();
        double base = r.backoffMillis() * Math.pow(r.multiplier(), failedAttempt - 1);
        double spread = r.jitter() == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-r.jitter(), r.jitter());
        return Math.max(0, Math.round(base * (1 + spread)));
    }

    private void end(ProviderFailure failure) {
        if (!ended) {
            ended = true;
            downstream.onError(failure);
        }
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

    /** The listener of one call to one target; stale once a newer call started. */
    private final class Attempt implements GenerationListener {
        private final RouteTarget target;
        private final Upstream upstream;
        private final int myEpoch;

        Attempt(RouteTarget target, Upstream upstream, int myEpoch) {
            this.target = target;
            this.upstream = upstream;
            this.myEpoch = myEpoch;
        }

        @Override
        public void onDelta(String text) {
            synchronized (RoutedGeneration.this) {
                if (myEpoch != epoch || ended || cancelled) {
                    return;
                }
                if (!committed) {
                    committed = true;
                    services.health().answering(target, route.resilience());
                    services.health()
                            .firstToken(
                                    target, route.resilience(), (System.nanoTime() - attemptStartNanos) / 1_000_000);
                    downstream.onRoute(target.label(), calls);
                }
                if (!usageSeen) {
                    if (output == null) {
                        output = new StringBuilder();
                    }
                    output.append(text);
                }
                downstream.onDelta(text);
            }
        }

        @Override
        public void onUsage(Usage usage) {
            synchronized (RoutedGeneration.this) {
                if (myEpoch != epoch || ended || cancelled) {
                    return;
                }
                usageSeen = true;
                output = null;
                downstream.onUsage(usage.withCost(target.cost(usage)));
            }
        }

        @Override
        public void onComplete() {
            synchronized (RoutedGeneration.this) {
                if (myEpoch != epoch || ended || cancelled) {
                    return;
                }
                ended = true;
                services.health().succeeded(target, route.resilience());
                if (!committed) {
                    downstream.onRoute(target.label(), calls);
                }
                if (!usageSeen) {
                    Usage estimate = UsageEstimator.estimate(request, output == null ? "" : output);
                    downstream.onUsage(estimate.withCost(target.cost(estimate)));
                }
                downstream.onComplete();
            }
        }

        @Override
        public void onError(ProviderFailure failure) {
            onFailure(target, upstream, myEpoch, failure);
        }

        @Override
        public void onConversation(String upstreamConversationId) {
            synchronized (RoutedGeneration.this) {
                if (myEpoch == epoch && !ended && !cancelled) {
                    downstream.onConversation(upstreamConversationId);
                }
            }
        }
    }
}
