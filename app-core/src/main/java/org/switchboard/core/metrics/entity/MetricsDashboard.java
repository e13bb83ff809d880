package org.switchboard.core.metrics.entity;

import java.util.List;

/**
 * The last hour of this instance's metrics, one entry per minute, oldest first; the last entry is the minute in
 * progress (so a chart shows a run the moment it ends, not a minute later).
 */
public record MetricsDashboard(List<MetricsMinute> minutes) {
    public MetricsDashboard {
        minutes = List.copyOf(minutes);
    }

    /** The same hour with only {@code tenant}'s token and cost series. */
    public MetricsDashboard onlyTenant(String tenant) {
        return new MetricsDashboard(
                minutes.stream().map(m -> m.onlyTenant(tenant)).toList());
    }
}
