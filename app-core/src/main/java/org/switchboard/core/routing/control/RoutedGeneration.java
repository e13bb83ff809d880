package org.switchboard.core.routing.control;

import dev.failsafe.AsyncExecution;
import java.util.concurrent.CompletionException;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * One chat request through a route (SPEC §5): the {@link Failover} retries and falls back over the targets; this
 * class is the gate between the calls and the client. The first delta commits the generation to its target: from
 * then on a failure is reported as is and ends the run (incomplete, partial text kept), never retried or fallen
 * back from. Callbacks of an abandoned call are ignored; a cancel stops the current call and any pending retry.
 */
final class RoutedGeneration implements Generation {
    /** What a routed generation needs from the application. */
    interface Services extends TargetServices {}

    private final Route route;
    private final ChatRequest request;
    private final GenerationListener downstream;
    private final Services services;
    private final Failover<Void> failover;
    private int calls;
    private boolean committed;
    private boolean ended;
    private volatile boolean cancelled;
    private final UsageTally usage = new UsageTally();
    private volatile Call current;

    RoutedGeneration(Route route, ChatRequest request, GenerationListener downstream, Services services) {
        this.route = route;
        this.request = request;
        this.downstream = downstream;
        this.services = services;
        this.failover = new Failover<>(route, services, this::call, this::skipped);
    }

    void start() {
        failover.start().whenComplete((done, thrown) -> {
            if (thrown != null) {
                end(thrown instanceof CompletionException ? thrown.getCause() : thrown);
            }
        });
    }

    /**
     * Lock-free on purpose: the run engine cancels while holding its own lock, and a call's callbacks take this
     * object's lock before calling into the engine.
     */
    @Override
    public void cancel() {
        cancelled = true;
        failover.cancel();
        Call running = current;
        if (running != null) {
            running.cancelUpstream();
        }
    }

    long backoffMillis(int failedAttempt) {
        return RetryPolicies.backoffMillis(route.resilience(), failedAttempt);
    }

    private void call(RouteTarget target, Upstream upstream, AsyncExecution<Void> execution) {
        Call call = new Call(target, upstream, execution);
        synchronized (this) {
            calls++;
            current = call;
            if (!ended && !cancelled) {
                downstream.onAttempt(target.label());
            }
        }
        try {
            call.started(services.adapter(target.kind()).generate(upstream, request, call));
        } catch (RuntimeException e) {
            call.onError(new ProviderFailure(
                    "provider-error",
                    "The adapter could not start: " + e.getClass().getSimpleName(),
                    0));
        }
    }

    private synchronized void skipped(RouteTarget target, String outcome) {
        if (!ended && !cancelled) {
            downstream.onTargetSkipped(target.label(), outcome);
        }
    }

    /** Every target failed, or the committed one did: the client learns the failure Failsafe ended with. */
    private synchronized void end(Throwable thrown) {
        if (ended || cancelled) {
            return;
        }
        ended = true;
        downstream.onError(
                thrown instanceof TargetFailed failed
                        ? failed.failure()
                        : new ProviderFailure(
                                "provider-error",
                                "Routing failed: " + thrown.getClass().getSimpleName(),
                                0));
    }

    /** The listener of one call to one target; stale once it ended or a newer call started. */
    private final class Call implements GenerationListener {
        private final RouteTarget target;
        private final Upstream upstream;
        private final AsyncExecution<Void> execution;
        private final long startNanos = System.nanoTime();
        private volatile Generation generation;
        private boolean done;

        Call(RouteTarget target, Upstream upstream, AsyncExecution<Void> execution) {
            this.target = target;
            this.upstream = upstream;
            this.execution = execution;
        }

        void started(Generation started) {
            generation = started;
            if (cancelled) {
                started.cancel(); // a cancel that came while this call was starting
            }
        }

        void cancelUpstream() {
            Generation started = generation;
            if (started != null) {
                started.cancel();
            }
        }

        /** Under the generation's lock. */
        private boolean live() {
            return current == this && !done && !ended && !cancelled;
        }

        @Override
        public void onDelta(String text) {
            synchronized (RoutedGeneration.this) {
                if (!live()) {
                    return;
                }
                if (!committed) {
                    committed = true;
                    services.health().answering(target, route.resilience());
                    services.health()
                            .firstToken(target, route.resilience(), (System.nanoTime() - startNanos) / 1_000_000);
                    downstream.onRoute(target.label(), calls);
                }
                usage.text(text);
                downstream.onDelta(text);
            }
        }

        @Override
        public void onUsage(Usage reported) {
            synchronized (RoutedGeneration.this) {
                if (!live()) {
                    return;
                }
                downstream.onUsage(usage.reported(reported, target));
            }
        }

        @Override
        public void onComplete() {
            synchronized (RoutedGeneration.this) {
                if (!live()) {
                    return;
                }
                done = true;
                ended = true;
                services.health().succeeded(target, route.resilience());
                if (!committed) {
                    downstream.onRoute(target.label(), calls);
                }
                Usage estimate = usage.unreported(request, target);
                if (estimate != null) {
                    downstream.onUsage(estimate);
                }
                downstream.onComplete();
            }
            failover.complete(execution, null); // outside the lock, like every call into Failsafe
        }

        @Override
        public void onError(ProviderFailure failure) {
            boolean afterText;
            synchronized (RoutedGeneration.this) {
                if (!live()) {
                    return;
                }
                done = true;
                afterText = committed;
                downstream.onAttemptFailed(failure);
            }
            failover.failed(
                    execution, target, upstream, failure, afterText); // outside the lock: it may start the next call
        }

        @Override
        public void onConversation(String upstreamConversationId) {
            synchronized (RoutedGeneration.this) {
                if (live()) {
                    downstream.onConversation(upstreamConversationId);
                }
            }
        }
    }
}
