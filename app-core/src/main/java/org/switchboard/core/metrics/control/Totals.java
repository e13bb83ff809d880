package org.switchboard.core.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.metrics.entity.MetricsMinute;
import org.switchboard.core.metrics.entity.UsageAmount;

/**
 * The dashboard's meters read at one instant, summed over their labels where the dashboard does not split them. All
 * are cumulative (the Prometheus registry's histograms too), so the difference of two readings is what happened in
 * between: {@link #since}.
 */
public record Totals(
        long requests,
        Map<String, Long> errors,
        double[] firstTokenBounds,
        long[] firstTokenBuckets,
        long firstTokenCount,
        int liveStreams,
        int activeRuns,
        long disconnects,
        long resumes,
        Map<String, Map<String, double[]>> usage) {
    static final String COMPLETED = "completed";

    static Totals read(MeterRegistry registry) {
        long requests = 0;
        Map<String, Long> errors = new HashMap<>();
        for (Counter ended : registry.find(RunMeters.ENDED).counters()) {
            long count = (long) ended.count();
            requests += count;
            if (!COMPLETED.equals(ended.getId().getTag("status"))) {
                errors.merge(ended.getId().getTag("error"), count, Long::sum);
            }
        }
        double[] bounds = seconds(RunMeters.FIRST_TOKEN_BUCKETS);
        long[] buckets = new long[bounds.length];
        long firstTokens = 0;
        for (Timer timer : registry.find(RunMeters.FIRST_TOKEN).timers()) {
            var snapshot = timer.takeSnapshot();
            firstTokens += snapshot.count();
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                int i = indexOf(bounds, bucket.bucket(TimeUnit.SECONDS));
                if (i >= 0) {
                    buckets[i] += (long) bucket.count();
                }
            }
        }
        Map<String, Map<String, double[]>> usage = new HashMap<>();
        for (Counter tokens : registry.find(RunMeters.TOKENS).counters()) {
            amount(usage, tokens)[0] += tokens.count();
        }
        for (Counter cost : registry.find(RunMeters.COST).counters()) {
            amount(usage, cost)[1] += cost.count();
        }
        return new Totals(
                requests,
                errors,
                bounds,
                buckets,
                firstTokens,
                gauge(registry, RunMeters.STREAMS_LIVE),
                gauge(registry, RunMeters.ACTIVE),
                sum(registry, RunMeters.DISCONNECTS),
                sum(registry, RunMeters.RESUMES),
                usage);
    }

    /** What happened between {@code earlier} and this reading, as the minute starting {@code at}. */
    MetricsMinute since(Totals earlier, Instant at) {
        Map<String, Long> errorsBetween = new HashMap<>();
        errors.forEach((error, count) -> {
            long delta = count - earlier.errors.getOrDefault(error, 0L);
            if (delta > 0) {
                errorsBetween.put(error, delta);
            }
        });
        long[] firstTokens = new long[firstTokenBuckets.length];
        for (int i = 0; i < firstTokens.length; i++) {
            firstTokens[i] = firstTokenBuckets[i] - earlier.firstTokenBuckets[i];
        }
        long firstTokenTotal = firstTokenCount - earlier.firstTokenCount;
        List<UsageAmount> used = new ArrayList<>();
        usage.forEach((tenant, byModel) -> byModel.forEach((model, amount) -> {
            double[] before = earlier.usage.getOrDefault(tenant, Map.of()).getOrDefault(model, new double[2]);
            long tokens = Math.round(amount[0] - before[0]);
            double cost = amount[1] - before[1];
            if (tokens > 0 || cost > 0) {
                used.add(new UsageAmount(tenant, model, tokens, cost));
            }
        }));
        return new MetricsMinute(
                at,
                requests - earlier.requests,
                errorsBetween,
                Quantiles.millis(firstTokenBounds, firstTokens, firstTokenTotal, 0.50),
                Quantiles.millis(firstTokenBounds, firstTokens, firstTokenTotal, 0.95),
                Quantiles.millis(firstTokenBounds, firstTokens, firstTokenTotal, 0.99),
                liveStreams,
                activeRuns,
                disconnects - earlier.disconnects,
                resumes - earlier.resumes,
                used);
    }

    private static double[] amount(Map<String, Map<String, double[]>> usage, Counter counter) {
        return usage.computeIfAbsent(counter.getId().getTag("tenant"), t -> new HashMap<>())
                .computeIfAbsent(counter.getId().getTag("model"), m -> new double[2]);
    }

    private static int gauge(MeterRegistry registry, String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? 0 : (int) gauge.value();
    }

    private static long sum(MeterRegistry registry, String name) {
        long total = 0;
        for (Counter counter : registry.find(name).counters()) {
            total += (long) counter.count();
        }
        return total;
    }

    private static int indexOf(double[] bounds, double bound) {
        for (int i = 0; i < bounds.length; i++) {
            if (Math.abs(bounds[i] - bound) < 1e-9) {
                return i;
            }
        }
        return -1;
    }

    private static double[] seconds(java.time.Duration[] durations) {
        double[] seconds = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            seconds[i] = durations[i].toNanos() / 1e9;
        }
        return seconds;
    }
}
