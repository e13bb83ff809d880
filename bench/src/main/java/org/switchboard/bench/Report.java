package org.switchboard.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The benchmark report in Markdown (and the quick run's lines), with issue 17's targets checked. */
final class Report {
    private Report() {}

    static String markdown(Bench.Results r, List<Targets.Check> checks, Instant at) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n")
                .append(String.format(
                        "Run at %s on %d cores, Java %s. Each request streams %d tokens %d ms apart from the mock"
                                + " upstream; Switchboard persists every event. Times in ms; \"added\" is Switchboard's percentile"
                                + " minus the direct percentile at the same concurrency. Measured after %,d warm-up"
                                + " requests through Switchboard (until its JIT compiler had settled). KB and MB are"
                                + " 1,024 and 1,048,576 bytes. How each figure is measured: [`bench/README.md`](../README.md)."
                                + " The machine's load average (1, 5, 15 min) was %s at the start and %s at the end: on two"
                                + " cores, anything above what this run puts on them (about 2 under load) is someone else's"
                                + " work, and the latencies and throughput are only as good as the machine was quiet.%n%n",
                        at,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        Bench.TOKENS,
                        Bench.DELAY_MILLIS,
                        r.warmedUp,
                        r.loadBefore,
                        r.loadAfter));
        long met = checks.stream().filter(Targets.Check::met).count();
        md.append("## Targets (issue 17)\n\n")
                .append("| target | measured | direct baseline (same run) | met? |\n|---|---|---|---|\n");
        for (Targets.Check check : checks) {
            md.append(String.format(
                    "| %s | %s | %s | %s |%n",
                    check.target(), check.measured(), check.baseline(), check.met() ? "met" : "**not met**"));
        }
        md.append(String.format("%n%d of %d met.%n%n", met, checks.size()));
        levels(md, r);
        if (r.idle != null) {
            md.append(String.format(
                    "## At rest%n%nOver %.0f s without requests, after the warm-up: Payara %.2f ms of CPU per second"
                            + " (of which its JIT compiler threads %.2f), MariaDB %.2f; the load client and mock (this JVM)"
                            + " %.2f.%n%n",
                    r.idle.seconds(), r.idle.payara(), r.idle.payaraJit(), r.idle.database(), r.idle.harness()));
        }
        if (r.resume != null) {
            md.append("## Durable-run probes\n\n| durable-run probe | samples | p50 | p99 |\n|---|---|---|---|\n")
                    .append(String.format(
                            "| resume: reconnect with Last-Event-ID → first replayed event | %d | %.2f | %.2f |%n",
                            r.resume.count(), r.resume.p50(), r.resume.p99()))
                    .append(String.format(
                            "| async pick-up: submit (mode=async) → run event seen by a long-poll | %d | %.2f | %.2f |%n%n",
                            r.pickup.count(), r.pickup.p50(), r.pickup.p99()));
        }
        allocation(md, r);
        subscribers(md, r);
        storage(md, r);
        return md.toString();
    }

    private static void levels(StringBuilder md, Bench.Results r) {
        md.append("## Load, by concurrency\n\n")
                .append(
                        "| concurrency | requests | TTFT direct p50 / p99 | TTFT Switchboard p50 / p99 | added TTFT p50 / p99 |"
                                + " total direct p50 | total Switchboard p50 | throughput direct / Switchboard (req/s) | throughput ratio |"
                                + " failures | Payara CPU ms / request (of which JIT compiler) | MariaDB CPU ms / request |"
                                + " load client + mock CPU ms / request (direct / through) | Payara allocation KB / request (GC accounting) |"
                                + " largest RSS Payara / MariaDB MB |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        r.rows.forEach((concurrency, row) -> {
            Stats directTtft = row.ttft(row.direct());
            Stats gatewayTtft = row.ttft(row.gateway());
            md.append(String.format(
                    "| %d | %d | %.2f / %.2f | %.2f / %.2f | **%.2f / %.2f** | %.1f | %.1f | %.1f / %.1f | %.1f %% | %d |"
                            + " %.2f (%.2f) | %.2f | %.2f / %.2f | %.0f | %.0f / %.0f |%n",
                    concurrency,
                    row.gateway().samples().size(),
                    directTtft.p50(),
                    directTtft.p99(),
                    gatewayTtft.p50(),
                    gatewayTtft.p99(),
                    row.addedP50(),
                    row.addedP99(),
                    row.total(row.direct()).p50(),
                    row.total(row.gateway()).p50(),
                    row.direct().throughput(),
                    row.gateway().throughput(),
                    100 * row.throughputRatio(),
                    row.gateway().failures(),
                    row.cpu().payara(),
                    row.cpu().jit(),
                    row.cpu().database(),
                    row.cpu().harnessDirect(),
                    row.cpu().harnessThrough(),
                    row.allocatedPerRequest() / 1024,
                    row.rss().payaraMiB(),
                    row.rss().databaseMiB()));
        });
        md.append(String.format(
                "%nLifetime peak RSS (VmHWM, deployment and everything below included): Payara %.0f MB, MariaDB %.0f MB.%n%n",
                r.payaraHwmMiB, r.databaseHwmMiB));
    }

    private static void allocation(StringBuilder md, Bench.Results r) {
        if (r.allocation == null) {
            return;
        }
        Bench.Results.Allocation a = r.allocation;
        double threads = a.threads().bytes() / 1024.0 / a.requests();
        double gc = a.gcBytes() / 1024 / a.requests();
        md.append(String.format(
                "## Allocation%n%n%,d streamed requests at concurrency 200 (%d failed), after the load phases above: Payara's"
                        + " threads allocated **%.0f KB per request** by their own counters (JFR"
                        + " `jdk.ThreadAllocationStatistics`: %d threads, of which %d ended during the phase, uncounted); Micrometer's GC accounting over the same requests says %.0f KB (%+.1f %%).%n%n",
                a.requests(),
                a.failures(),
                threads,
                a.threads().threads(),
                a.threads().threadsEnded(),
                gc,
                100 * (gc - threads) / threads));
    }

    private static void subscribers(StringBuilder md, Bench.Results r) {
        if (r.subscribers == null) {
            return;
        }
        SubscriberProbe.Result s = r.subscribers;
        md.append(String.format(
                "## SSE subscribers%n%n%,d subscribers of `/api/v1/runs/{id}/events` on %d live simulator runs (a token"
                        + " every 500 ms), opened %d at a time in %.1f s: %,d answered 200, %,d received an event after the"
                        + " last one had opened (all live at once), %,d received every event of their run from seq 1"
                        + " through the terminal one after the runs were cancelled. The server counted %.0f live streams"
                        + " (`switchboard_streams_live`).%n%n"
                        + "| Payara | before | with the subscribers | per subscriber |%n|---|---|---|---|%n"
                        + "| heap in use after a full GC | %,d KB | %,d KB | **%.1f KB** |%n"
                        + "| RSS | %.0f MB | %.0f MB | %.1f KB |%n%n"
                        + "Payara's CPU while holding them (their runs' events fanned out to them): %.1f ms per second.%n%n",
                s.subscribers(),
                s.runs(),
                100,
                s.openSeconds(),
                s.opened(),
                s.liveAll(),
                s.complete(),
                s.streamsLiveOnServer(),
                s.heapBeforeKiB(),
                s.heapAfterKiB(),
                s.heapKiBPerSubscriber(),
                s.rssBeforeMiB(),
                s.rssAfterMiB(),
                s.rssKiBPerSubscriber(),
                s.payaraCpuMillisPerSecond()));
    }

    private static void storage(StringBuilder md, Bench.Results r) {
        if (r.storage == null) {
            return;
        }
        Bench.Results.Growth g = r.storage;
        md.append(String.format(
                "## Storage%n%nThe database from before the warm-up to after the probes: %,d more runs (every one a"
                        + " finished 64-token request). `data_length + index_length` after `ANALYZE TABLE`, by table:%n%n",
                g.requests()));
        md.append("| table | before KB | after KB | per request, bytes |\n|---|---|---|---|\n");
        TreeSet<String> names = new TreeSet<>(g.before().tables().keySet());
        names.addAll(g.after().tables().keySet());
        for (String name : names) {
            long before = g.before().tables().getOrDefault(name, 0L);
            long after = g.after().tables().getOrDefault(name, 0L);
            if (before == 0 && after == 0) {
                continue;
            }
            md.append(String.format(
                    "| %s | %,d | %,d | %,.0f |%n",
                    name, before / 1024, after / 1024, (after - before) / (double) g.requests()));
        }
        md.append(String.format(
                "| **all** | %,d | %,d | **%,.0f** |%n%nThe schema's `.ibd` files: %,d KB → %,d KB, %,.0f bytes per request.%n",
                g.before().tableBytes() / 1024,
                g.after().tableBytes() / 1024,
                g.tableBytesPerRequest(),
                g.before().fileBytes() / 1024,
                g.after().fileBytes() / 1024,
                g.fileBytesPerRequest()));
    }

    /** A quick run's output: one line per level, one per target it measured. */
    static List<String> quick(Bench.Results r, List<Targets.Check> checks) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "after %,d warm-up requests; load average %s at the start, %s at the end",
                r.warmedUp, r.loadBefore, r.loadAfter));
        for (Map.Entry<Integer, Bench.Row> entry : r.rows.entrySet()) {
            Bench.Row row = entry.getValue();
            lines.add(String.format(
                    "c=%d: added TTFT p50 %.2f / p99 %.2f ms, throughput %.1f / %.1f req/s, failures %d / %d;"
                            + " CPU ms/request: Payara %.2f (JIT compiler %.2f), MariaDB %.2f, load client + mock %.2f direct"
                            + " / %.2f through; allocation %.0f KB/request (GC accounting); largest RSS Payara %.0f MB,"
                            + " MariaDB %.0f MB",
                    entry.getKey(),
                    row.addedP50(),
                    row.addedP99(),
                    row.direct().throughput(),
                    row.gateway().throughput(),
                    row.direct().failures(),
                    row.gateway().failures(),
                    row.cpu().payara(),
                    row.cpu().jit(),
                    row.cpu().database(),
                    row.cpu().harnessDirect(),
                    row.cpu().harnessThrough(),
                    row.allocatedPerRequest() / 1024,
                    row.rss().payaraMiB(),
                    row.rss().databaseMiB()));
        }
        for (Targets.Check check : checks) {
            lines.add(String.format(
                    "target %s: %s [direct: %s] — %s",
                    check.target(), check.measured(), check.baseline(), check.met() ? "met" : "NOT MET"));
        }
        return lines;
    }
}
