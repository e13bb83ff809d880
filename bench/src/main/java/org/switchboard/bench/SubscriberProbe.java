package org.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many SSE subscribers on live runs at once, and what they cost Payara. Starts {@code runs} long simulator runs
 * (async, {@code sim} with {@code X-Simulator-Tokens} / {@code X-Simulator-Delay-Ms}: a token every
 * {@value #TOKEN_DELAY_MILLIS} ms for minutes), measures Payara's heap after a full collection, opens
 * {@code count} subscriptions spread evenly over the runs, waits until every one of them has received an event
 * after the last one opened (all live at once), measures the heap after a full collection again, holds them for
 * {@code holdSeconds} while reading Payara's CPU, then cancels the runs and checks that every subscriber received
 * each event of its run from seq 1 through the terminal one.
 *
 * <p>Memory per subscriber is the growth of the heap in use after a full collection, divided by the number of
 * subscribers: what the open streams keep reachable on the Java heap (the container's request, response and
 * buffers, the subscription). The RSS growth is reported beside it; it depends on whether the heap had to grow
 * and is not counted against the target. Socket buffers live in the kernel and are in neither.
 */
final class SubscriberProbe {
    private static final int TOKENS = 1000;
    private static final int TOKEN_DELAY_MILLIS = 500;

    record Result(
            int subscribers,
            int runs,
            int opened,
            int liveAll,
            int complete,
            double streamsLiveOnServer,
            long heapBeforeKiB,
            long heapAfterKiB,
            double rssBeforeMiB,
            double rssAfterMiB,
            double payaraCpuMillisPerSecond,
            double openSeconds) {
        double heapKiBPerSubscriber() {
            return (heapAfterKiB - heapBeforeKiB) / (double) subscribers;
        }

        double rssKiBPerSubscriber() {
            return (rssAfterMiB - rssBeforeMiB) * 1024 / subscribers;
        }
    }

    private final String base;
    private final String token;
    private final ProcessMeter payara;
    private final Jcmd jcmd;
    private final Metrics metrics;

    SubscriberProbe(String base, String token, ProcessMeter payara, Jcmd jcmd, Metrics metrics) {
        this.base = base;
        this.token = token;
        this.payara = payara;
        this.jcmd = jcmd;
        this.metrics = metrics;
    }

    Result run(int count, int runCount, int holdSeconds) throws Exception {
        RunProbes api = new RunProbes(base, token);
        List<String> runs = new ArrayList<>();
        Map<String, String> script = Map.of(
                "X-Simulator-Tokens", Integer.toString(TOKENS),
                "X-Simulator-Delay-Ms", Integer.toString(TOKEN_DELAY_MILLIS),
                "X-Simulator-Latency-Ms", "0");
        for (int i = 0; i < runCount; i++) {
            runs.add(api.submitAsync("sim", script));
        }
        for (String run : runs) {
            api.awaitEventAfter(run, 1); // generating: its first token is in
        }
        long heapBefore = jcmd.heapUsedAfterGcKiB();
        double rssBefore = payara.memoryMiB("VmRSS");
        try (Subscribers subscribers = new Subscribers(base, token)) {
            long openStart = System.nanoTime();
            subscribers.open(runs, count, Duration.ofSeconds(120));
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            int opened = subscribers.count(s -> s.status == 200 && !s.failed);
            long allOpen = System.nanoTime();
            int liveAll = subscribers.awaitAll(
                    s -> s.lastEventNanos > allOpen, Duration.ofMillis(10L * TOKEN_DELAY_MILLIS + 20_000));
            double streamsLive = metrics == null ? Double.NaN : metrics.scrape().value("switchboard_streams_live");
            long heapAfter = jcmd.heapUsedAfterGcKiB();
            double rssAfter = payara.memoryMiB("VmRSS");
            double cpuBefore = payara.cpuMillis();
            long holdStart = System.nanoTime();
            Thread.sleep(holdSeconds * 1000L);
            double cpuPerSecond = (payara.cpuMillis() - cpuBefore) / ((System.nanoTime() - holdStart) / 1e9);
            for (String run : runs) {
                api.cancel(run);
            }
            subscribers.awaitAll(s -> s.ended, Duration.ofSeconds(60));
            int complete = subscribers.count(Subscribers.Stream::complete);
            return new Result(
                    count,
                    runCount,
                    opened,
                    liveAll,
                    complete,
                    streamsLive,
                    heapBefore,
                    heapAfter,
                    rssBefore,
                    rssAfter,
                    cpuPerSecond,
                    openSeconds);
        }
    }
}
