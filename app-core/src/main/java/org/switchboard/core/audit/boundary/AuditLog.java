package org.switchboard.core.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.audit.entity.AuditEntry;
import org.switchboard.core.audit.entity.AuditFilter;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Reads the audit log, newest first, filtered by time, tenant, user and action. Admins only; a tenant admin sees
 * their tenant's rows, a platform admin every row ({@link TenantScope}).
 */
@Stateless
@TenantScoped
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
public class AuditLog {
    @Inject
    TenantScope scope;

    public List<AuditEntry> search(Caller caller, @NotNull @Valid AuditFilter filter) {
        List<String> where = new ArrayList<>();
        if (filter.from() != null) where.add("a.createdAt >= :from");
        if (filter.to() != null) where.add("a.createdAt < :to");
        if (given(filter.tenant())) where.add("a.tenantId = :tenant");
        if (given(filter.user())) where.add("a.actor = :user");
        if (given(filter.action())) {
            where.add("(CONCAT(a.method, ' ', a.route) LIKE :action OR CONCAT(a.change, ' ', a.route) LIKE :action)");
        }
        String jpql = "SELECT a FROM AuditEntry a" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY a.id DESC";
        TypedQuery<AuditEntry> query =
                scope.em(caller).createQuery(jpql, AuditEntry.class).setMaxResults(filter.limit());
        if (filter.from() != null) query.setParameter("from", filter.from());
        if (filter.to() != null) query.setParameter("to", filter.to());
        if (given(filter.tenant())) query.setParameter("tenant", filter.tenant().strip());
        if (given(filter.user())) query.setParameter("user", filter.user().strip());
        if (given(filter.action()))
            query.setParameter("action", "%" + escapeLike(filter.action().strip()) + "%");
        return query.getResultList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
