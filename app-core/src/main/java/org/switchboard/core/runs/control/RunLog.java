package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.BatchWriter;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.webhooks.entity.RunEnded;

/**
 * The durable event log's writer. Appends from every live run go into one queue; a single writer thread
 * commits whatever has accumulated in one transaction (group commit: one round trip per batch, never
 * one per token) and only then hands those events to a second thread that publishes them to subscribers.
 * Under load batches grow, so the database sees fewer, larger commits instead of more of them. A batch that
 * cannot be committed is retried until it is: an event is never dropped, and never published before it is
 * durable.
 */
@ApplicationScoped
public class RunLog {
    private static final Logger LOG = Logger.getLogger(RunLog.class.getName());
    private static final int MAX_BATCH = 1024;

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

    private BatchWriter<Pending> writer;
    private BatchWriter<List<Pending>> publisher;

    /** An event waiting for its commit; {@code termination} is set on a run's terminal event. */
    record Pending(LiveRun run, LogEntry entry, LiveRun.Termination termination) {}

    @PostConstruct
    void init() {
        // Two stages, each on its own thread: while one batch goes out to subscribers, the next is committed
        // (a commit no longer waits for the socket writes of the one before, nor they for it).
        publisher = new BatchWriter<>(
                "switchboard-run-publish", threads, Integer.MAX_VALUE, MAX_BATCH, this::publish, published -> {});
        writer = new BatchWriter<>(
                "switchboard-run-log",
                threads,
                Integer.MAX_VALUE,
                MAX_BATCH,
                events::append,
                committed -> publisher.offer(List.copyOf(committed)),
                this::lingerNanos);
    }

    /** The group-commit delay, when at least {@code group-commit-siblings} runs are generating here. */
    private long lingerNanos() {
        return groupCommitDelay.isZero() || live.count() < groupCommitSiblings ? 0 : groupCommitDelay.toNanos();
    }

    void append(LiveRun run, LogEntry entry, LiveRun.Termination termination) {
        append(run, entry, termination, false);
    }

    /**
     * @param urgent whether a client waits for this very event (a run's first token): its commit does not wait
     *     for the group-commit delay
     */
    void append(LiveRun run, LogEntry entry, LiveRun.Termination termination, boolean urgent) {
        writer.offer(new Pending(run, entry, termination), urgent);
    }

    private void publish(List<List<Pending>> batches) {
        for (List<Pending> committed : batches) {
            for (Pending pending : committed) {
                try {
                    pending.run().publish(pending.entry());
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
    }

    @PreDestroy
    void stop() {
        writer.stop();
        publisher.stop();
    }
}
