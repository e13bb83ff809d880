package org.switchboard.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The largest resident set ({@code VmRSS}) of Payara and of MariaDB while a load phase runs, sampled every
 * {@value #PERIOD_MILLIS} ms by one daemon thread: "RSS under load" is the most either process held while the
 * requests were in flight, not what it keeps afterwards (or its lifetime peak {@code VmHWM}, which includes the
 * deployment).
 */
final class RssSampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 250;
    private final ProcessMeter payara;
    private final ProcessMeter database;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private double payaraMax;
    private double databaseMax;
    private boolean sampling;

    RssSampler(ProcessMeter payara, ProcessMeter database) {
        this.payara = payara;
        this.database = database;
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts a phase: the maxima start from the current values. */
    synchronized void begin() {
        sampling = true;
        payaraMax = 0;
        databaseMax = 0;
        sampleNow();
    }

    /** Ends the phase (with a last sample) and returns its maxima: Payara's, MariaDB's (MiB). */
    synchronized Peak end() {
        sampleNow();
        sampling = false;
        return new Peak(payaraMax, databaseMax);
    }

    private synchronized void sample() {
        if (sampling) {
            sampleNow();
        }
    }

    private void sampleNow() {
        payaraMax = Math.max(payaraMax, payara.memoryMiB("VmRSS"));
        if (database != null) {
            databaseMax = Math.max(databaseMax, database.memoryMiB("VmRSS"));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The largest RSS of each process during one phase, in MiB ({@code NaN} for a process not measured). */
    record Peak(double payaraMiB, double databaseMiB) {
        Peak max(Peak other) {
            return other == null
                    ? this
                    : new Peak(Math.max(payaraMiB, other.payaraMiB), Math.max(databaseMiB, other.databaseMiB));
        }
    }
}
