package org.switchboard.core.metrics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.metrics.control.MinuteSamples;
import org.switchboard.core.metrics.entity.MetricsDashboard;
import org.switchboard.core.metrics.entity.MetricsMinute;
import org.switchboard.core.metrics.entity.UsageAmount;
import org.switchboard.core.tenants.entity.Caller;

class MetricsHistoryTest {
    private final MetricsHistory history = new MetricsHistory();

    {
        history.samples = new MinuteSamples() {
            @Override
            public synchronized MetricsDashboard lastHour() {
                return new MetricsDashboard(List.of(new MetricsMinute(
                        Instant.EPOCH,
                        3,
                        Map.of("upstream-error", 1L),
                        12.0,
                        40.0,
                        90.0,
                        1,
                        1,
                        0,
                        0,
                        List.of(new UsageAmount("acme", "gpt", 30, 0.5), new UsageAmount("globex", "gpt", 7, 0.1)))));
            }
        };
    }

    @Test
    void aTenantAdminSeesOnlyTheirTenantsTokenAndCostSeries() {
        MetricsDashboard hour = history.lastHour(new Caller("acme", "ops", Set.of(Caller.ADMIN_ROLE)));

        assertThat(hour.minutes().get(0).usage()).containsExactly(new UsageAmount("acme", "gpt", 30, 0.5));
        assertThat(hour.minutes().get(0).requests()).isEqualTo(3);
    }

    @Test
    void aPlatformAdminSeesEveryTenant() {
        MetricsDashboard hour = history.lastHour(new Caller("acme", "root", Set.of(Caller.PLATFORM_ADMIN_ROLE)));

        assertThat(hour.minutes().get(0).usage())
                .extracting(UsageAmount::tenant)
                .containsExactly("acme", "globex");
    }
}
