package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.ApplicationStopping;
import org.switchboard.core.platform.BatchWriter;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunEnded;

/**
 * The durable event log's writer. Appends from every live run go into one queue; a single writer thread
 * commits whatever has accumulated in one transaction (group commit: one round trip per batch, never
 * one per token) and only then hands those events to a second thread that publishes them to subscribers.
 * Under load batches grow, so the database sees fewer, larger commits instead of more of them. A batch that
 * cannot be committed is retried until it is: an event is never dropped, and never published before it is
 * durable.
 *
 * <p>An event a client is waiting for right now — a run's {@code run} event and its first token — goes by a
 * second writer, the <em>fast lane</em>, with a connection of its own: it does not wait for the group commit
 * in progress, the group-commit delay, nor the publishing of earlier batches, and it publishes what it
 * committed itself. A run's events still become durable and are published in seq order: an event takes the
 * fast lane only once every earlier event of its run is durable, and the events after it follow it there
 * until it is ({@link LiveRun#takesFastLane}).
 */
@ApplicationScoped
public class RunLog {
    private static final Logger LOG = Logger.getLogger(RunLog.class.getName());
    private static final int MAX_BATCH = 1024;
    /** How long stopping the application waits for the log to commit and publish what is queued. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(10);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    EventWriter events;

    @Inject
    Event<RunEnded> ended;

    @Inject
    LiveRuns live;

    @Inject
    @ConfigProperty(name = "switchboard.runs.log.group-commit-delay")
    Duration groupCommitDelay;

    @Inject
    @ConfigProperty(name = "switchboard.runs.log.group-commit-siblings")
    int groupCommitSiblings;

    @Inject
    @ConfigProperty(name = "switchboard.runs.log.low-load-linger")
    Duration lowLoadLinger;

    private BatchWriter<Pending> writer;
    private BatchWriter<Pending> fastLane;
    private BatchWriter<List<Pending>> publisher;
    private EventWriter.Lane writerLane;
    private EventWriter.Lane fastLaneLane;

    /**
     * An event waiting for its commit; {@code termination} is set on a run's terminal event, {@code row} on the
     * first event of a run whose row is written with it.
     */
    record Pending(LiveRun run, LogEntry entry, LiveRun.Termination termination, Run row) {}

    @PostConstruct
    void init() {
        // Two stages, each on its own thread: while one batch goes out to subscribers, the next is committed
        // (a commit no longer waits for the socket writes of the one before, nor they for it).
        publisher = new BatchWriter<>(
                "switchboard-run-publish",
                threads,
                Integer.MAX_VALUE,
                MAX_BATCH,
                batches -> batches.forEach(this::publish),
                published -> {});
        writerLane = events.lane();
        fastLaneLane = events.lane();
        writer = new BatchWriter<>(
                "switchboard-run-log",
                threads,
                Integer.MAX_VALUE,
                MAX_BATCH,
                writerLane::append,
                committed -> {
                    markCommitted(committed);
                    publisher.offer(List.copyOf(committed));
                },
                this::lingerNanos);
        // The fast lane: an event a client is waiting for (a run's run event and first token) does not wait behind
        // the group commit in progress, its own group commit, nor the publishing of the one before. Its events
        // are few, so its commits are small, and it publishes them itself.
        fastLane = new BatchWriter<>(
                "switchboard-run-log-fast", threads, Integer.MAX_VALUE, MAX_BATCH, fastLaneLane::append, committed -> {
                    markCommitted(committed);
                    publish(committed);
                });
    }

    /**
     * How long the writer waits after a batch's first event for more: the group-commit delay when at least
     * {@code group-commit-siblings} runs are generating here (the other runs' events fill the batch), and the
     * longer low-load linger below that, where only the next tokens of the same few runs can join it: one commit
     * for a few tokens instead of one per token, which at concurrency 1 is most of what a request costs (issue 17).
     * A run's first token and, at low load, its end do not wait (see {@link #append}).
     */
    private long lingerNanos() {
        return lowLoad() ? lowLoadLinger.toNanos() : groupCommitDelay.toNanos();
    }

    private boolean lowLoad() {
        return live.count() < groupCommitSiblings;
    }

    void append(LiveRun run, LogEntry entry, LiveRun.Termination termination) {
        append(run, entry, termination, false);
    }

    /**
     * @param urgent whether a client waits for this very event (a run's {@code run} event and first token): it
     *     goes by the fast lane if it can, and otherwise its group commit does not wait for the delay
     */
    void append(LiveRun run, LogEntry entry, LiveRun.Termination termination, boolean urgent) {
        // A run's end is waited for (a synchronous answer, a webhook): at low load it does not linger either. Under
        // load it takes the group commit like any token, or every ending run would cut the batches short.
        offer(new Pending(run, entry, termination, null), urgent || termination != null && lowLoad());
    }

    /**
     * Appends a run's first event, urgently, and writes {@code row}, the run leased to this instance, in the
     * same transaction: the run and its log become durable together, and its upstream call need not wait for
     * a commit of its own to start.
     */
    void appendFirst(LiveRun run, LogEntry entry, Run row) {
        offer(new Pending(run, entry, null, row), true);
    }

    private void offer(Pending pending, boolean urgent) {
        LiveRun run = pending.run();
        LogEntry entry = pending.entry();
        if (run.takesFastLane(entry, urgent)) {
            fastLane.offer(pending);
        } else {
            writer.offer(pending, urgent);
        }
    }

    private static void markCommitted(List<Pending> committed) {
        for (Pending pending : committed) {
            pending.run().committed(pending.entry());
        }
    }

    private void publish(List<Pending> committed) {
        for (Pending pending : committed) {
            try {
                pending.run().publishCommitted();
            } catch (RuntimeException e) {
                // a subscriber's failure is its own; the other runs' events still go out
                LOG.log(
                        Level.WARNING,
                        "Publishing an event of run " + pending.entry().runId() + " failed",
                        e);
            }
            if (pending.termination() != null && pending.run().hasCallback()) {
                ended.fireAsync(new RunEnded(pending.entry().runId()));
            }
        }
    }

    /**
     * The application is stopping and its datasource still works: the runs generating here end now, {@code
     * incomplete} with an {@code instance-stopped} error event, rather than when the lease reaper finds their
     * lease expired; then the log drains.
     */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ApplicationStopping stopping) {
        for (LiveRun run : live.all()) {
            try {
                run.interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Stopping: could not end run " + run.id(), e);
            }
        }
        stop();
    }

    /**
     * Stopping the application (undeploy, server shutdown; on {@link ApplicationStopping}, while the datasource
     * still works, and again, doing nothing more, at {@code @PreDestroy}): what is queued is committed and
     * published before the writers end and give their connections back, so nothing a live run had appended is
     * cut off mid-commit. If the database does not take it within {@link #DRAIN_GRACE}, the rest stays
     * unwritten; it was never published, and the lease reaper ends those runs {@code incomplete} (as after a
     * crash).
     */
    @PreDestroy
    void stop() {
        boolean drained = writer.drainAndStop(DRAIN_GRACE) & fastLane.drainAndStop(DRAIN_GRACE);
        drained &= publisher.drainAndStop(DRAIN_GRACE);
        writerLane.close();
        fastLaneLane.close();
        if (!drained) {
            LOG.warning("Stopping: the run log could not commit or publish every queued event within " + DRAIN_GRACE
                    + "; the lease reaper ends the runs concerned");
        }
    }
}
