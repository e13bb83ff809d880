package org.switchboard.admin.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.runs.entity.UsageRow;

class TenantUsageTest {
    @Test
    void rowsPerUserAndModelAddUpPerTenant() {
        List<TenantUsage> tenants = TenantUsage.of(List.of(
                new UsageRow("b", "u1", "m1", 2, 10, 20, new BigDecimal("0.5")),
                new UsageRow("a", "u1", "m1", 1, 1, 2, null),
                new UsageRow("b", "u1", "m2", 3, 5, 5, null),
                new UsageRow("b", "u2", "m1", 1, 1, 1, new BigDecimal("0.25"))));

        assertThat(tenants)
                .containsExactly(
                        new TenantUsage("a", 1, 1, 1, 2, null),
                        new TenantUsage("b", 2, 6, 16, 26, new BigDecimal("0.75")));
    }
}
