package org.switchboard.bench;

import java.time.Instant;
import java.util.Map;

/** The benchmark report in Markdown, with the targets of issue 3 checked against the numbers. */
final class Report {
    static final double TARGET_ADDED_P50 = 2.0;
    static final double TARGET_ADDED_P99 = 15.0;
    static final double TARGET_THROUGHPUT = 0.95;

    private Report() {}

    static String markdown(
            Map<Integer, Bench.Row> rows, Stats resume, Stats pickup, double peakRssMiB, Instant at, int warmedUp) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n")
                .append(String.format(
                        "Run at %s on %d cores, Java %s. Each request streams %d tokens %d ms apart from the mock"
                                + " upstream; Switchboard persists every event. Times in ms; \"added\" is Switchboard's percentile"
                                + " minus the direct percentile at the same concurrency. Measured after %,d warm-up"
                                + " requests through Switchboard (until its JIT compiler had settled).%n%n",
                        at,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        Bench.TOKENS,
                        Bench.DELAY_MILLIS,
                        warmedUp))
                .append(
                        "| concurrency | requests | TTFT direct p50 / p99 | TTFT Switchboard p50 / p99 | added TTFT p50 / p99 |"
                                + " total direct p50 | total Switchboard p50 | throughput direct / Switchboard (req/s) | throughput ratio |"
                                + " failures | Switchboard CPU ms / request (of which JIT compiler) | MariaDB CPU ms / request |"
                                + " load client + mock CPU ms / request (direct / through) | Payara RSS MiB |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach((concurrency, row) -> {
            Stats directTtft = row.ttft(row.direct());
            Stats gatewayTtft = row.ttft(row.gateway());
            md.append(String.format(
                    "| %d | %d | %.2f / %.2f | %.2f / %.2f | **%.2f / %.2f** | %.1f | %.1f | %.1f / %.1f | %.1f %% | %d | %.2f (%.2f) | %.2f | %.2f / %.2f | %.0f |%n",
                    concurrency,
                    row.gateway().samples().size(),
                    directTtft.p50(),
                    directTtft.p99(),
                    gatewayTtft.p50(),
                    gatewayTtft.p99(),
                    gatewayTtft.p50() - directTtft.p50(),
                    gatewayTtft.p99() - directTtft.p99(),
                    row.total(row.direct()).p50(),
                    row.total(row.gateway()).p50(),
                    row.direct().throughput(),
                    row.gateway().throughput(),
                    100 * row.gateway().throughput() / row.direct().throughput(),
                    row.gateway().failures(),
                    row.cpu().payara(),
                    row.cpu().jit(),
                    row.cpu().database(),
                    row.cpu().harnessDirect(),
                    row.cpu().harnessThrough(),
                    row.rssMiB()));
        });
        md.append(String.format("%nPeak Payara RSS (VmHWM): %.0f MiB.%n%n", peakRssMiB))
                .append("| durable-run probe | samples | p50 | p99 |\n|---|---|---|---|\n")
                .append(String.format(
                        "| resume: reconnect with Last-Event-ID → first replayed event | %d | %.2f | %.2f |%n",
                        resume.count(), resume.p50(), resume.p99()))
                .append(String.format(
                        "| async pick-up: submit (mode=async) → run event seen by a long-poll | %d | %.2f | %.2f |%n%n",
                        pickup.count(), pickup.p50(), pickup.p99()));
        Bench.Row top = rows.get(200);
        double addedP50 = top.ttft(top.gateway()).p50() - top.ttft(top.direct()).p50();
        double addedP99 = top.ttft(top.gateway()).p99() - top.ttft(top.direct()).p99();
        double ratio = top.gateway().throughput() / top.direct().throughput();
        md.append("## Targets at concurrency 200\n\n")
                .append(check(
                        "added TTFT p50 ≤ " + TARGET_ADDED_P50 + " ms",
                        addedP50 <= TARGET_ADDED_P50,
                        String.format("%.2f ms", addedP50)))
                .append(check(
                        "added TTFT p99 ≤ " + TARGET_ADDED_P99 + " ms",
                        addedP99 <= TARGET_ADDED_P99,
                        String.format("%.2f ms", addedP99)))
                .append(check(
                        "throughput ≥ 95 % of direct",
                        ratio >= TARGET_THROUGHPUT, String.format("%.1f %%", 100 * ratio)));
        return md.toString();
    }

    private static String check(String target, boolean met, String actual) {
        return "- " + target + ": " + actual + " — " + (met ? "met" : "**not met**") + "\n";
    }
}
