package org.switchboard.core.tenants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * The one place that decides whose rows a persistence context sees. A {@link TenantScoped} boundary enters the
 * caller's tenant for the duration of a call (on its thread); stores then take their {@link EntityManager} from
 * {@link #em()}, which carries that tenant as {@link TenantCriteria#PARAMETER}, and EclipseLink adds the entity's
 * criteria to every query. Platform work that spans tenants (workers, the routing table, the console) says so
 * with {@link #platform()}. The JDBC hot path writes the tenant a run took from {@link #tenant()} when it was
 * submitted.
 *
 * <p>One transaction, one scope: its persistence context holds the rows one scope read, so switching the scope
 * within a transaction is refused rather than risk handing one tenant's cached row to another.
 */
@ApplicationScoped
public class TenantScope {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @PersistenceContext
    EntityManager em;

    /** The tenant this thread acts for; fails when no boundary entered one. */
    public String tenant() {
        String tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant scope: tenant-owned rows are read through a @TenantScoped"
                    + " boundary method that takes the Caller, or explicitly as platform work");
        }
        return tenant;
    }

    /** The current transaction's persistence context, seeing the rows of {@link #tenant()} (and global rows). */
    public EntityManager em() {
        return scoped(tenant());
    }

    /** The current transaction's persistence context, seeing every tenant's rows: for platform work only. */
    public EntityManager platform() {
        return scoped(TenantCriteria.EVERY_TENANT);
    }

    /**
     * The persistence context of a caller's reads that span tenants when the caller may: a platform admin sees
     * every tenant's rows (the console's lists), anyone else the rows of {@link #tenant()}.
     */
    public EntityManager em(Caller caller) {
        return caller.isPlatformAdmin() ? platform() : em();
    }

    private EntityManager scoped(String tenant) {
        Object current = em.getProperties().get(TenantCriteria.PARAMETER);
        if (current == null) {
            em.setProperty(TenantCriteria.PARAMETER, tenant);
        } else if (!current.equals(tenant)) {
            throw new IllegalStateException(
                    "A transaction sees one tenant scope; it has '" + current + "' and was asked for '" + tenant + "'");
        }
        return em;
    }

    /** Enters {@code tenant} on this thread; returns the scope to {@link #leave} back to. */
    static String enter(String tenant) {
        String outer = CURRENT.get();
        CURRENT.set(tenant);
        return outer;
    }

    static void leave(String outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
