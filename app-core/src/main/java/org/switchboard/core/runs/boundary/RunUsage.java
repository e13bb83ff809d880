package org.switchboard.core.runs.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.List;
import org.switchboard.core.runs.entity.UsageRow;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Usage so far, summed from the runs (requests, tokens, cost) per tenant, user and model; and the tenants that
 * have runs. Admins only; a tenant admin sees their tenant, a platform admin every tenant ({@link TenantScope}).
 */
@Stateless
@TenantScoped
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
public class RunUsage {
    @Inject
    TenantScope scope;

    /** One row per tenant, user and model, busiest first; {@code tenant} narrows it to one tenant when given. */
    public List<UsageRow> byUser(Caller caller, String tenant) {
        boolean one = tenant != null && !tenant.isBlank();
        TypedQuery<Object[]> query = scope.em(caller)
                .createQuery(
                        "SELECT r.tenantId, r.ownerId, r.model, COUNT(r), SUM(r.inputTokens), SUM(r.outputTokens),"
                                + " SUM(r.cost) FROM Run r" + (one ? " WHERE r.tenantId = :tenant" : "")
                                + " GROUP BY r.tenantId, r.ownerId, r.model ORDER BY COUNT(r) DESC",
                        Object[].class)
                .setMaxResults(1000);
        if (one) {
            query.setParameter("tenant", tenant.strip());
        }
        return query.getResultStream()
                .map(row -> new UsageRow(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        number(row[3]),
                        number(row[4]),
                        number(row[5]),
                        (BigDecimal) row[6]))
                .toList();
    }

    /** The tenants that have runs the caller may see, by name. */
    public List<String> tenants(Caller caller) {
        return scope.em(caller)
                .createQuery("SELECT DISTINCT r.tenantId FROM Run r ORDER BY r.tenantId", String.class)
                .getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
