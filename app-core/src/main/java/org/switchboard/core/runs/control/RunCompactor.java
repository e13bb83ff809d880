package org.switchboard.core.runs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.ApplicationStopping;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.Jdbc;
import org.switchboard.core.platform.ThreadPools;

/**
 * Compacts the logs of ended runs (issue 17: a 64-token run's 67 {@code run_events} rows cost about 8 KB), the
 * one writer of {@code run_logs}: {@code switchboard.runs.compaction.delay} after a run's terminal event is
 * durable, its rows are replaced by one compact row ({@link Compaction}, {@link LogCodec}), and replays read
 * that ({@link LogReads}) with the same events, seqs, data and times. Off the token path: the event log's
 * writer only queues the id of a run it ended; a tick at most once a {@link #TICK} hands what is due to an I/O
 * thread, which compacts it in batches, one transaction each. Runs no tick compacted (ended by the lease reaper,
 * by a cancel while queued, on another instance, before a restart) are found by {@link #sweep} (Retention's
 * timer, every minute).
 */
@ApplicationScoped
public class RunCompactor {
    private static final Logger LOG = Logger.getLogger(RunCompactor.class.getName());
    static final int BATCH = 100;
    private static final int SWEEP_PAGE = 1000;
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration SWEEP_TIME = Duration.ofSeconds(20);
    private static final int RETRIES = 3;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ThreadPools pools;

    @Inject
    @ConfigProperty(name = "switchboard.runs.compaction.delay")
    Duration delay;

    private final DelayQueue<Due> due = new DelayQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean stopped;

    /** A run to compact at {@code atNanos}; {@code attempt} 0, or the retry of a run another transaction held. */
    private record Due(long runId, long atNanos, int attempt) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(atNanos, ((Due) other).atNanos);
        }
    }

    /** A run's terminal event is durable: its log is compacted once the delay has passed. */
    void ended(long runId) {
        due.add(new Due(runId, System.nanoTime() + delay.toNanos(), 0));
        scheduleNext();
    }

    /**
     * Compacts the ended runs whose events are still rows, ended longer ago than the delay, newest first, for at
     * most {@link #SWEEP_TIME} (a backlog, say after an upgrade, goes over several minutes or expires first).
     */
    @Transactional(TxType.NOT_SUPPORTED) // its own JDBC transactions, never a timer callback's JTA transaction
    public void sweep() {
        Instant endedBefore = Instant.now().minus(delay);
        long deadline = System.nanoTime() + SWEEP_TIME.toNanos();
        long before = Long.MAX_VALUE;
        List<Long> page;
        do {
            long below = before;
            page = inTransaction(connection -> Compaction.uncompacted(connection, below, SWEEP_PAGE));
            for (int start = 0; start < page.size() && !stopped; start += BATCH) {
                List<Long> batch = List.copyOf(page.subList(start, Math.min(page.size(), start + BATCH)));
                inTransaction(connection -> Compaction.compact(connection, batch, endedBefore));
            }
            before = page.isEmpty() ? before : page.get(page.size() - 1);
        } while (page.size() == SWEEP_PAGE && !stopped && System.nanoTime() - deadline < 0);
    }

    private void scheduleNext() {
        Due next = due.peek(); // the earliest, due or not
        if (next == null || stopped || !scheduled.compareAndSet(false, true)) {
            return;
        }
        // at most a delay away: a run ending now is due a delay from now, whatever retry is due later
        long wait = Math.min(
                Math.max(TICK.toNanos(), next.atNanos() - System.nanoTime()),
                Math.max(TICK.toNanos(), delay.toNanos()));
        try {
            pools.timers().schedule(() -> pools.io().execute(this::drain), wait, TimeUnit.NANOSECONDS);
        } catch (RuntimeException stopping) {
            scheduled.set(false); // the pools are shut down: the sweep finds the rest after the restart
        }
    }

    /** Compacts every run that is due, in batches; then waits for the next one. */
    private void drain() {
        try {
            List<Due> batch = new ArrayList<>(BATCH);
            while (!stopped && (due.drainTo(batch, BATCH) > 0)) {
                compact(batch);
                batch.clear();
            }
        } catch (RuntimeException e) {
            if (!stopped) { // stopping, the datasource may be gone already: the sweep after the restart compacts them
                LOG.log(Level.WARNING, "Compacting ended runs failed; the retention sweep compacts them later", e);
            }
        } finally {
            scheduled.set(false);
            scheduleNext(); // after the flag is down: an id queued meanwhile is never left without a tick
        }
    }

    /**
     * Compacts a batch; a run it could not take (another transaction held its row: the purge, another instance's
     * compactor) is tried again later, {@link #RETRIES} times at most, then left to the sweep.
     */
    private void compact(List<Due> batch) {
        List<Long> runIds = batch.stream().map(Due::runId).toList();
        Set<Long> taken = inTransaction(connection -> Compaction.compact(connection, runIds, Instant.now()));
        for (Due skipped : batch) {
            if (!taken.contains(skipped.runId()) && skipped.attempt() < RETRIES) {
                due.add(new Due(skipped.runId(), System.nanoTime() + delay.toNanos(), skipped.attempt() + 1));
            }
        }
    }

    /**
     * Runs {@code work} in a local READ COMMITTED transaction of its own: no gap locks in the way of the live
     * log's inserts, whatever the database's default isolation.
     */
    private <T> T inTransaction(Jdbc.Work<T> work) {
        try {
            return Jdbc.inTransaction(dataSource, Connection.TRANSACTION_READ_COMMITTED, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compact run logs", e);
        }
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ApplicationStopping stopping) {
        stopped = true;
    }
}
