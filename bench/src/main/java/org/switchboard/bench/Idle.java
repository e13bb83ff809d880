package org.switchboard.bench;

/**
 * CPU at rest: Payara's and MariaDB's CPU time (user + system, {@code /proc/<pid>/stat}) over a window in which
 * nothing sends them requests, in ms per second of wall time; this JVM's (the idle mock and load client) beside
 * it. Measured after the warm-up, once Payara and MariaDB have gone quiet, so what remains is what the gateway
 * does by itself: timers, polls, pools (and whatever Payara's JIT compiler still compiles, reported apart). {@code /proc} counts in ticks of 10 ms, so a 30 s window is exact to
 * about 0.3 ms per second per process.
 */
record Idle(double seconds, double payara, double payaraJit, double database, double harness) {
    /** Payara + MariaDB, ms per second. */
    double gateway() {
        return payara + (Double.isNaN(database) ? 0 : database);
    }

    static Idle measure(int seconds, ProcessMeter payara, ProcessMeter database, ProcessMeter self)
            throws InterruptedException {
        double payaraBefore = payara.cpuMillis();
        double jitBefore = payara.threadCpuMillis(Bench.JIT_THREADS);
        double databaseBefore = database == null ? 0 : database.cpuMillis();
        double selfBefore = self.cpuMillis();
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Idle(
                elapsed,
                (payara.cpuMillis() - payaraBefore) / elapsed,
                (payara.threadCpuMillis(Bench.JIT_THREADS) - jitBefore) / elapsed,
                database == null ? Double.NaN : (database.cpuMillis() - databaseBefore) / elapsed,
                (self.cpuMillis() - selfBefore) / elapsed);
    }
}
