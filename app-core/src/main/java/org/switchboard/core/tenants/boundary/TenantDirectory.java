package org.switchboard.core.tenants.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The tenants the platform has seen, for a platform admin choosing whom to act for: tenants are not registered
 * anywhere (a token's claim names one), so they are the tenants of operators, routing configuration and runs.
 */
@Stateless
@RequiresRole(Caller.PLATFORM_ADMIN_ROLE)
public class TenantDirectory {
    private static final String KNOWN = "SELECT tenant_id FROM admin_users WHERE tenant_id IS NOT NULL"
            + " UNION SELECT tenant_id FROM providers WHERE tenant_id IS NOT NULL"
            + " UNION SELECT tenant_id FROM routing_policies WHERE tenant_id IS NOT NULL"
            + " UNION SELECT DISTINCT tenant_id FROM runs" // loose index scan of ix_runs_tenant_created
            + " ORDER BY 1 LIMIT 500";

    @PersistenceContext
    EntityManager em;

    public List<String> known(Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(KNOWN).getResultList();
        return rows.stream().map(Object::toString).toList();
    }
}
