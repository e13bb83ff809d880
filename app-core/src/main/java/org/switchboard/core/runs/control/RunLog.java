package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.core.platform.BatchWriter;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.webhooks.entity.RunEnded;

/**
 * The durable event log's writer. Appends from every live run go into one queue; a single writer thread
 * commits whatever has accumulated in one transaction (group commit: one round trip per batch, never
 * one per token) and only then publishes those events to subscribers. Under load batches grow, so the
 * database sees fewer, larger commits instead of more of them. A batch that cannot be committed is retried
 * until it is: an event is never dropped, and never published before it is durable.
 */
@ApplicationScoped
public class RunLog {
    private static final int MAX_BATCH = 1024;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    EventWriter events;

    @Inject
    Event<RunEnded> ended;

    private BatchWriter<Pending> writer;

    /** An event waiting for its commit; {@code termination} is set on a run's terminal event. */
    record Pending(LiveRun run, LogEntry entry, LiveRun.Termination termination) {}

    @PostConstruct
    void init() {
        writer = new BatchWriter<>(
                "switchboard-run-log", threads, Integer.MAX_VALUE, MAX_BATCH, events::append, this::publish);
    }

    void append(LiveRun run, LogEntry entry, LiveRun.Termination termination) {
        writer.offer(new Pending(run, entry, termination));
    }

    private void publish(List<Pending> committed) {
        for (Pending pending : committed) {
            pending.run().publish(pending.entry());
            if (pending.termination() != null && pending.run().hasCallback()) {
                ended.fireAsync(new RunEnded(pending.entry().runId()));
            }
        }
    }

    @PreDestroy
    void stop() {
        writer.stop();
    }
}
