package org.switchboard.core.metrics.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One minute of this instance's metrics, as the dashboard draws them: runs ended ({@code requests}) and the failed
 * ones by error class, the time to first token's p50/p95/p99 in milliseconds (null in a minute without a first
 * token), the live streams and active runs at its end, the streams lost and resumed, and the usage by tenant and
 * model. {@code at} is the minute's start.
 */
public record MetricsMinute(
        Instant at,
        long requests,
        Map<String, Long> errorsByClass,
        Double firstTokenP50,
        Double firstTokenP95,
        Double firstTokenP99,
        int liveStreams,
        int activeRuns,
        long disconnects,
        long resumes,
        List<UsageAmount> usage) {

    public MetricsMinute {
        errorsByClass = Map.copyOf(errorsByClass);
        usage = List.copyOf(usage);
    }

    /** A minute in which nothing happened (or from before this instance started). */
    public static MetricsMinute empty(Instant at) {
        return new MetricsMinute(at, 0, Map.of(), null, null, null, 0, 0, 0, 0, List.of());
    }

    /** The same minute with only {@code tenant}'s usage. */
    public MetricsMinute onlyTenant(String tenant) {
        return new MetricsMinute(
                at,
                requests,
                errorsByClass,
                firstTokenP50,
                firstTokenP95,
                firstTokenP99,
                liveStreams,
                activeRuns,
                disconnects,
                resumes,
                usage.stream().filter(u -> u.tenant().equals(tenant)).toList());
    }
}
