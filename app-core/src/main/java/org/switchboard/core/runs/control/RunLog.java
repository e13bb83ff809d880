package org.switchboard.core.runs.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.runs.entity.LogEntry;

/**
 * The durable event log's writer. Appends from every live run go into one queue; a single writer thread
 * commits whatever has accumulated in one transaction (group commit: one round trip per batch, never
 * one per token) and only then publishes those events to subscribers. Under load batches grow, so the
 * database sees fewer, larger commits instead of more of them.
 */
@ApplicationScoped
public class RunLog {
    private static final Logger LOG = Logger.getLogger(RunLog.class.getName());
    private static final int MAX_BATCH = 1024;
    private static final long RETRY_MILLIS = 500;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    EventWriter events;

    @Inject
    jakarta.enterprise.event.Event<org.switchboard.core.webhooks.entity.RunEnded> ended;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile boolean stopping;

    /** An event waiting for its commit; {@code termination} is set on a run's terminal event. */
    record Pending(LiveRun run, LogEntry entry, LiveRun.Termination termination) {}

    void append(LiveRun run, LogEntry entry, LiveRun.Termination termination) {
        ensureWriter();
        queue.add(new Pending(run, entry, termination));
    }

    private void ensureWriter() {
        if (writer == null) {
            synchronized (this) {
                if (writer == null) {
                    Thread thread = threads.newThread(this::drain);
                    thread.setName("switchboard-run-log");
                    thread.setDaemon(true);
                    thread.start();
                    writer = thread;
                }
            }
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                for (Pending pending : batch) {
                    pending.run().publish(pending.entry());
                    if (pending.termination() != null && pending.run().hasCallback()) {
                        ended.fireAsync(new org.switchboard.core.webhooks.entity.RunEnded(
                                pending.entry().runId()));
                    }
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Commits the batch, retrying while the database is unavailable: an event is never dropped. */
    private void commit(List<Pending> batch) throws InterruptedException {
        while (!stopping) {
            try {
                events.append(batch);
                return;
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not persist " + batch.size() + " run events; retrying", e);
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
