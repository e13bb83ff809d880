package org.switchboard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets of issue 17, each checked against what this run measured, with the direct baseline of the same run
 * where there is one. A target the run did not measure (a quick run measures only some) is left out.
 */
final class Targets {
    static final double CPU_PER_REQUEST_200 = 2.0;
    static final double THROUGHPUT_RATIO_200 = 0.95;
    static final double ADDED_P50_200 = 5;
    static final double ADDED_P99_200 = 25;
    static final double ADDED_P50_50 = 1;
    static final double ADDED_P99_50 = 5;
    static final double CPU_ABOVE_IDLE_1 = 10;
    static final double IDLE_MS_PER_SECOND = 5;
    static final double ALLOCATION_KIB = 300;
    static final double PAYARA_RSS_MIB = 700;
    static final double DATABASE_RSS_MIB = 200;
    static final int SUBSCRIBERS = 2000;
    static final double SUBSCRIBER_KIB = 20;
    static final double RESUME_P99 = 10;
    static final double PICKUP_P99 = 15;
    static final double STORAGE_KIB = 2;

    private Targets() {}

    /** One target: what it asks, what was measured, the direct baseline (or "–"), and whether it is met. */
    record Check(String target, String measured, String baseline, boolean met) {}

    static List<Check> of(Bench.Results r) {
        List<Check> checks = new ArrayList<>();
        Bench.Row c200 = r.rows.get(200);
        if (c200 != null) {
            Bench.Cpu cpu = c200.cpu();
            checks.add(new Check(
                    "c=200: gateway CPU (Payara + MariaDB) ≤ " + CPU_PER_REQUEST_200 + " ms per streamed request",
                    f("%.2f ms (%.2f + %.2f)", cpu.gateway(), cpu.payara(), cpu.database()),
                    f("load client + mock %.2f ms direct, %.2f through", cpu.harnessDirect(), cpu.harnessThrough()),
                    cpu.gateway() <= CPU_PER_REQUEST_200));
            checks.add(new Check(
                    "c=200: throughput ≥ 95 % of direct",
                    f(
                            "%.1f %% (%.1f req/s)",
                            100 * c200.throughputRatio(), c200.gateway().throughput()),
                    f("%.1f req/s", c200.direct().throughput()),
                    c200.throughputRatio() >= THROUGHPUT_RATIO_200));
            addTtft(checks, 200, c200, ADDED_P50_200, ADDED_P99_200);
        }
        Bench.Row c50 = r.rows.get(50);
        if (c50 != null) {
            addTtft(checks, 50, c50, ADDED_P50_50, ADDED_P99_50);
        }
        Bench.Row c1 = r.rows.get(1);
        if (c1 != null && r.idle != null) {
            double above = cpuAboveIdle(c1, r.idle);
            checks.add(new Check(
                    "c=1: CPU (Payara + MariaDB) above idle ≤ " + (int) CPU_ABOVE_IDLE_1 + " ms per request",
                    f(
                            "%.2f ms (%.2f in all − %.2f idle: %.2f ms/s over the phase's %.1f s)",
                            above, c1.cpu().gateway(), c1.cpu().gateway() - above, r.idle.gateway(), c1.seconds()),
                    f("load client + mock %.2f ms direct", c1.cpu().harnessDirect()),
                    above <= CPU_ABOVE_IDLE_1));
        }
        if (r.idle != null) {
            checks.add(new Check(
                    "idle CPU (Payara + MariaDB) ≤ " + (int) IDLE_MS_PER_SECOND + " ms per second",
                    f(
                            "%.2f ms/s (Payara %.2f, of which JIT compiler %.2f, + MariaDB %.2f, over %.0f s)",
                            r.idle.gateway(), r.idle.payara(), r.idle.payaraJit(), r.idle.database(), r.idle.seconds()),
                    f("load client + mock %.2f ms/s", r.idle.harness()),
                    r.idle.gateway() <= IDLE_MS_PER_SECOND));
        }
        if (r.allocation != null) {
            double kib = r.allocation.threads().bytes() / 1024.0 / r.allocation.requests();
            checks.add(new Check(
                    "allocation ≤ " + (int) ALLOCATION_KIB + " KB per streamed request (c=200)",
                    f(
                            "%.0f KB (per-thread counters, %,d requests; GC accounting %.0f KB)",
                            kib, r.allocation.requests(), r.allocation.gcBytes() / 1024 / r.allocation.requests()),
                    "–",
                    kib <= ALLOCATION_KIB));
        }
        RssSampler.Peak rss = r.rssUnderLoad();
        if (rss != null) {
            checks.add(new Check(
                    "Payara RSS under load ≤ " + (int) PAYARA_RSS_MIB + " MB",
                    f("%.0f MB (largest VmRSS during the load phases)", rss.payaraMiB()),
                    "–",
                    rss.payaraMiB() <= PAYARA_RSS_MIB));
            if (rss.databaseMiB() > 0) {
                checks.add(new Check(
                        "MariaDB RSS under load ≤ " + (int) DATABASE_RSS_MIB + " MB",
                        f("%.0f MB (largest VmRSS during the load phases)", rss.databaseMiB()),
                        "–",
                        rss.databaseMiB() <= DATABASE_RSS_MIB));
            }
        }
        if (r.subscribers != null) {
            SubscriberProbe.Result s = r.subscribers;
            boolean all =
                    s.subscribers() >= SUBSCRIBERS && s.complete() == s.subscribers() && s.liveAll() == s.subscribers();
            checks.add(new Check(
                    f("%,d concurrent SSE subscribers on live runs, each receiving every event", SUBSCRIBERS),
                    f(
                            "%,d opened, %,d live at once, %,d received every event of their run",
                            s.opened(), s.liveAll(), s.complete()),
                    "–",
                    all));
            checks.add(new Check(
                    "memory per SSE subscriber ≤ " + (int) SUBSCRIBER_KIB + " KB",
                    f(
                            "%.1f KB (heap after a full GC; RSS growth %.1f KB)",
                            s.heapKiBPerSubscriber(), s.rssKiBPerSubscriber()),
                    "–",
                    s.heapKiBPerSubscriber() <= SUBSCRIBER_KIB));
        }
        if (r.resume != null) {
            checks.add(new Check(
                    "resume p99 ≤ " + (int) RESUME_P99 + " ms",
                    f("%.2f ms (p50 %.2f)", r.resume.p99(), r.resume.p50()),
                    "–",
                    r.resume.p99() <= RESUME_P99));
        }
        if (r.pickup != null) {
            checks.add(new Check(
                    "async pick-up p99 ≤ " + (int) PICKUP_P99 + " ms",
                    f("%.2f ms (p50 %.2f)", r.pickup.p99(), r.pickup.p50()),
                    "–",
                    r.pickup.p99() <= PICKUP_P99));
        }
        if (r.storage != null && r.storage.requests() > 0) {
            double kib = r.storage.tableBytesPerRequest() / 1024;
            checks.add(new Check(
                    "storage ≤ " + (int) STORAGE_KIB + " KB per finished streamed request",
                    f(
                            "%.2f KB (tables, over %,d requests; .ibd files %.2f KB)",
                            kib, r.storage.requests(), r.storage.fileBytesPerRequest() / 1024),
                    "–",
                    kib <= STORAGE_KIB));
        }
        return checks;
    }

    /** Payara + MariaDB CPU over the concurrency-1 phase minus the idle rate over its length, per request. */
    static double cpuAboveIdle(Bench.Row row, Idle idle) {
        int n = row.gateway().samples().size();
        return (row.cpuTotal().gateway() - idle.gateway() * row.seconds()) / n;
    }

    private static void addTtft(List<Check> checks, int concurrency, Bench.Row row, double p50, double p99) {
        Stats direct = row.ttft(row.direct());
        checks.add(new Check(
                f("c=%d: added TTFT p50 ≤ %s ms", concurrency, trim(p50)),
                f("%.2f ms", row.addedP50()),
                f("TTFT p50 %.2f ms", direct.p50()),
                row.addedP50() <= p50));
        checks.add(new Check(
                f("c=%d: added TTFT p99 ≤ %s ms", concurrency, trim(p99)),
                f("%.2f ms", row.addedP99()),
                f("TTFT p99 %.2f ms", direct.p99()),
                row.addedP99() <= p99));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Integer.toString((int) value) : Double.toString(value);
    }

    private static String f(String format, Object... args) {
        return String.format(format, args);
    }
}
