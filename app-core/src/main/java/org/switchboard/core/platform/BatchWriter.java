package org.switchboard.core.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: items from any thread go into one queue, and one writer thread writes whatever has
 * accumulated as one batch (so under load batches grow instead of commits multiplying). A batch that fails
 * is retried every {@value #RETRY_MILLIS} ms until it is written, and only a written batch is handed to the
 * {@code afterWrite} action. The thread starts with the first item and ends at {@link #stop()}, or, having
 * written what was queued, at {@link #drainAndStop}.
 *
 * <p>A writer may <em>linger</em>: wait a moment after the first item of a batch so that more join it, as a
 * database's own group commit does ({@code commit_delay} in PostgreSQL, {@code binlog_commit_wait_usec} in
 * MariaDB). Under load that turns many small commits into few larger ones, which costs the database and the
 * writer far less CPU per item; when little is going on, the linger supplier answers zero and nothing waits.
 * An item offered as <em>urgent</em> ends the linger: its batch is written at once, with whatever has joined
 * it so far.
 *
 * @param <T> what is written
 */
public final class BatchWriter<T> {
    private static final Logger LOG = Logger.getLogger(BatchWriter.class.getName());
    private static final long RETRY_MILLIS = 500;

    /** Writes one batch; throwing makes the writer retry the same batch. */
    @FunctionalInterface
    public interface Write<T> {
        void write(List<T> batch) throws Exception;
    }

    private final String name;
    private final ManagedThreadFactory threads;
    private final int maxBatch;
    private final Write<T> write;
    private final Consumer<List<T>> afterWrite;
    private final LongSupplier lingerNanos;
    private final BlockingQueue<T> queue;
    private volatile Thread writer;
    /** Set by {@link #drainAndStop}: write what is queued without lingering, then end. */
    private volatile boolean draining;

    private volatile boolean stopping;
    private volatile boolean urgent;

    /**
     * @param capacity items that may wait at most; {@link #offer} refuses beyond it
     * @param afterWrite runs on the writer thread with each batch once it is written
     */
    public BatchWriter(
            String name,
            ManagedThreadFactory threads,
            int capacity,
            int maxBatch,
            Write<T> write,
            Consumer<List<T>> afterWrite) {
        this(name, threads, capacity, maxBatch, write, afterWrite, () -> 0);
    }

    /**
     * @param lingerNanos asked before each batch: how long to wait after its first item for more (0: not at all)
     */
    public BatchWriter(
            String name,
            ManagedThreadFactory threads,
            int capacity,
            int maxBatch,
            Write<T> write,
            Consumer<List<T>> afterWrite,
            LongSupplier lingerNanos) {
        this.lingerNanos = lingerNanos;
        this.name = name;
        this.threads = threads;
        this.maxBatch = maxBatch;
        this.write = write;
        this.afterWrite = afterWrite;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    /** Queues an item for the next batch; false if {@code capacity} items are already waiting. */
    public boolean offer(T item) {
        return offer(item, false);
    }

    /** Queues an item; an {@code urgent} one is written without lingering. False once the writer is stopping. */
    public boolean offer(T item, boolean urgent) {
        if (draining || stopping) {
            return false;
        }
        if (writer == null) {
            start();
        }
        boolean queued = queue.offer(item);
        if (queued && urgent) {
            this.urgent = true;
            LockSupport.unpark(writer);
        }
        return queued;
    }

    private synchronized void start() {
        if (writer == null) {
            Thread thread = threads.newThread(this::drain);
            thread.setName(name);
            thread.setDaemon(true);
            thread.start();
            writer = thread;
        }
    }

    private void drain() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (!stopping) {
            try {
                T first = draining ? queue.poll() : queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    if (draining) {
                        return; // everything queued is written
                    }
                    continue;
                }
                batch.add(first);
                linger();
                urgent = false; // one offered from here on is in this batch or makes the next one skip the linger
                queue.drainTo(batch, maxBatch - 1);
                if (written(batch)) {
                    afterWrite.accept(batch);
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void linger() {
        long nanos = lingerNanos.getAsLong();
        if (nanos <= 0) {
            return;
        }
        long deadline = System.nanoTime() + nanos;
        // Ends early for an urgent item, a full batch, a drain or a stop (whose interrupt also ends the park).
        while (!urgent && !draining && !stopping && queue.size() < maxBatch - 1) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private boolean written(List<T> batch) throws InterruptedException {
        while (!stopping) {
            try {
                write.write(batch);
                return true;
            } catch (Exception e) {
                LOG.log(Level.WARNING, name + ": could not write " + batch.size() + " items; retrying", e);
                Thread.sleep(RETRY_MILLIS);
            }
        }
        return false;
    }

    /** Stops at once: the batch being written is abandoned at its next retry, queued items are not written. */
    public void stop() {
        stopping = true;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Stops after writing (and handing on) what is queued: new items are refused from now on, the writer stops
     * lingering, and this waits until the queue is empty and the writer thread has ended. If that takes longer
     * than {@code grace} (the database is down, say), the writer is {@linkplain #stop() stopped} and what is
     * still queued stays unwritten.
     *
     * @return true if everything queued was written
     */
    public boolean drainAndStop(Duration grace) {
        draining = true;
        Thread thread;
        synchronized (this) {
            thread = writer;
        }
        if (thread == null) {
            return queue.isEmpty();
        }
        LockSupport.unpark(thread);
        boolean drained = ended(thread, grace);
        if (!drained) {
            stop();
            ended(thread, Duration.ofSeconds(5));
        }
        return drained && queue.isEmpty();
    }

    private static boolean ended(Thread thread, Duration within) {
        try {
            thread.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
