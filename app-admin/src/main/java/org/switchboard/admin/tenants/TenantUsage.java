package org.switchboard.admin.tenants;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.runs.entity.UsageRow;

/** Usage so far summed per tenant, from the rows per tenant, user and model. */
record TenantUsage(String tenant, long users, long requests, long inputTokens, long outputTokens, BigDecimal cost) {

    static List<TenantUsage> of(List<UsageRow> rows) {
        Map<String, TenantUsage> byTenant = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> users = new LinkedHashMap<>();
        for (UsageRow row : rows) {
            users.computeIfAbsent(row.tenant(), t -> new java.util.HashSet<>()).add(row.user());
            byTenant.merge(
                    row.tenant(),
                    new TenantUsage(row.tenant(), 0, row.requests(), row.inputTokens(), row.outputTokens(), row.cost()),
                    TenantUsage::plus);
        }
        return byTenant.values().stream()
                .map(usage -> usage.withUsers(users.get(usage.tenant).size()))
                .sorted(java.util.Comparator.comparing(TenantUsage::tenant))
                .toList();
    }

    private TenantUsage plus(TenantUsage other) {
        BigDecimal sum = cost == null ? other.cost : other.cost == null ? cost : cost.add(other.cost);
        return new TenantUsage(
                tenant,
                users,
                requests + other.requests,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                sum);
    }

    private TenantUsage withUsers(long count) {
        return new TenantUsage(tenant, count, requests, inputTokens, outputTokens, cost);
    }
}
