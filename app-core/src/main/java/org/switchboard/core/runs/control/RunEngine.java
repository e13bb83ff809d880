package org.switchboard.core.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.core.metrics.boundary.ModelSeries;
import org.switchboard.core.metrics.boundary.RunMetrics;
import org.switchboard.core.metrics.entity.RunOutcome;
import org.switchboard.core.providers.control.ChatProvider;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RouteAttempt;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * Drives a generation and turns the provider's callbacks into the run's event log: {@code run} first,
 * then {@code delta}s, {@code usage}, and exactly one terminal {@code done} or {@code error} — whether the
 * end comes from the provider, a cancel or a missed deadline.
 */
@ApplicationScoped
public class RunEngine {
    @Inject
    RunLog log;

    @Inject
    LiveRuns live;

    @Inject
    Deadlines deadlines;

    @Inject
    DeadlineWatch watch;

    @Inject
    RunMetrics metrics;

    /**
     * Starts generating a run on this instance.
     *
     * @param deadlines what the run's routing policy chose; the instance's deadlines apply to the rest
     * @param record whether the run's row is still to be written (a run that was not queued first): it is, with
     *     the run's first event
     */
    public LiveRun start(
            Run run, ChatRequest request, ChatProvider provider, DeadlineSettings deadlines, boolean record) {
        LiveRun liveRun = new LiveRun(run);
        Relay relay = new Relay(liveRun, run.model(), this.deadlines.of(deadlines));
        liveRun.attach(relay);
        live.add(liveRun);
        watch.ensureRunning();
        // urgent: a client following the run waits for it, and the first token can only take the fast lane after it
        LogEntry started = liveRun.next(EventType.RUN, EventData.run(run));
        if (record) {
            log.appendFirst(liveRun, started, run);
        } else {
            log.append(liveRun, started, null, true);
        }
        try {
            relay.generation = provider.generate(request, relay);
        } catch (RuntimeException e) {
            relay.onError(new ProviderFailure("provider-error", "The provider could not start: " + e.getMessage(), 0));
        }
        return liveRun;
    }

    /** Appends a run's events. Callbacks, cancels and deadline checks may race: one lock, one end. */
    private final class Relay implements GenerationListener, LiveRun.Control {
        private final LiveRun run;
        private final String model;
        /** Fixed when the run starts: the check four times a second looks nothing up. */
        private final Deadlines.Limits limits;

        private final long startedNanos = System.nanoTime();
        private volatile long lastActivityNanos = startedNanos;
        private volatile Generation generation;
        private boolean anyOutput;
        private boolean ended;
        /** Resolved once, when the target is known: a token's gap is then recorded without a lookup. */
        private ModelSeries series;
        /** From the start to the first token; negative until there is one. */
        private long firstTokenNanos = -1;

        Relay(LiveRun run, String model, Deadlines.Limits limits) {
            this.run = run;
            this.model = model;
            this.limits = limits;
        }

        @Override
        public synchronized void onDelta(String text) {
            if (ended || text.isEmpty()) {
                return;
            }
            boolean first = !anyOutput;
            anyOutput = true;
            long now = System.nanoTime();
            if (first) {
                firstTokenNanos = now - startedNanos;
            } else if (series != null) {
                series.gap(now - lastActivityNanos);
            }
            lastActivityNanos = now;
            // The first token is the time to first token the client measures: it does not wait for company.
            log.append(run, run.next(EventType.DELTA, EventData.delta(text)), null, first);
        }

        @Override
        public synchronized void onUsage(Usage usage) {
            if (!ended) {
                run.recordUsage(usage);
                log.append(run, run.next(EventType.USAGE, EventData.usage(usage)), null);
            }
        }

        @Override
        public synchronized void onComplete() {
            if (ended) {
                return;
            }
            ended = true;
            if (run.usage() == null) {
                run.recordUsage(new Usage(0, 0, true));
            }
            Usage usage = run.usage();
            var end = run.termination(RunStatus.COMPLETED, RouteAttempt.SERVED, null);
            recordEnd(RunStatus.COMPLETED, null, usage);
            log.append(run, run.next(EventType.DONE, EventData.done(usage)), end);
        }

        @Override
        public synchronized void onRoute(String servedBy, int attempts) {
            run.recordRoute(servedBy, attempts);
            series = metrics.series(model, servedBy);
        }

        @Override
        public void onAttempt(String target) {
            run.route().started(target);
        }

        @Override
        public void onAttemptFailed(ProviderFailure failure) {
            run.route().failed(failure.type(), failure.upstreamStatus());
        }

        @Override
        public void onTargetSkipped(String target, String outcome) {
            run.route().skipped(target, outcome);
        }

        @Override
        public synchronized void onConversation(String upstreamConversationId) {
            run.recordConversation(upstreamConversationId);
        }

        @Override
        public synchronized void onError(ProviderFailure failure) {
            // Partial output is kept and the run is incomplete; with no output at all it simply failed.
            fail(
                    anyOutput ? RunStatus.INCOMPLETE : RunStatus.FAILED,
                    failure.type(),
                    "Upstream failure",
                    failure.detail());
        }

        @Override
        public void cancel() {
            end(RunStatus.CANCELLED, "cancelled", "Run cancelled", "The run was cancelled on request");
        }

        @Override
        public void checkDeadlines(long nowNanos) {
            String breach = limits.breached(startedNanos, lastActivityNanos, anyOutput, nowNanos);
            if (breach != null) {
                end(RunStatus.INCOMPLETE, "deadline-exceeded", "Deadline exceeded", breach);
            }
        }

        @Override
        public void interrupt() {
            end(
                    RunStatus.INCOMPLETE,
                    "instance-stopped",
                    "Run interrupted",
                    "The instance generating this run was stopped; the output so far is kept");
        }

        /**
         * Ends the run here and only then stops its upstream call, outside this relay's lock: the upstream's
         * reader holds its own lock while it delivers into this relay, so stopping it under this lock could
         * deadlock against a delivery in flight (seen: a gap deadline racing the stream's completion). Once
         * ended, whatever the upstream still delivers is ignored.
         */
        private void end(RunStatus status, String type, String title, String detail) {
            Generation toStop;
            synchronized (this) {
                if (ended) {
                    return;
                }
                toStop = generation;
                fail(status, type, title, detail);
            }
            if (toStop != null) {
                toStop.cancel();
            }
        }

        private void fail(RunStatus status, String type, String title, String detail) {
            if (ended) {
                return;
            }
            ended = true;
            String data = EventData.error(type, title, detail, status);
            recordEnd(status, type, run.usage());
            log.append(run, run.next(EventType.ERROR, data), run.termination(status, type, detail));
        }

        /**
         * The run's meters, once, from what the relay collected anyway (the token path records only gaps); before
         * its terminal event goes out, so whoever saw the end finds it counted.
         */
        private void recordEnd(RunStatus status, String errorClass, Usage usage) {
            ModelSeries endSeries = series != null ? series : metrics.series(model, RunMetrics.NO_TARGET);
            metrics.ended(
                    endSeries,
                    new RunOutcome(
                            run.tenantId(),
                            status.wireName(),
                            errorClass,
                            firstTokenNanos,
                            System.nanoTime() - startedNanos,
                            usage == null ? 0 : usage.inputTokens(),
                            usage == null ? 0 : usage.outputTokens(),
                            usage == null ? null : usage.cost()));
        }
    }
}
