package org.switchboard.core.tenants.entity;

/**
 * The row filters a tenant-owned entity declares with EclipseLink's {@code @AdditionalCriteria}. EclipseLink adds
 * them to every JPQL and Criteria query, every {@code find}, and every bulk {@code UPDATE}/{@code DELETE} of the
 * entity, with {@link #PARAMETER} taken from the persistence context's properties, which only
 * {@code TenantScope} sets. A persistence context without it fails the query (EclipseLink-6174), so a store that
 * forgets the tenant reads nothing rather than everything.
 */
public final class TenantCriteria {
    /** The persistence-context property holding the tenant whose rows a query sees. */
    public static final String PARAMETER = "switchboardTenant";

    /**
     * The value of {@link #PARAMETER} for platform work that spans tenants (workers, the routing table, the
     * console). No caller can have it: {@link Caller} refuses it as a tenant.
     */
    public static final String EVERY_TENANT = "*";

    /** Rows of the caller's tenant only: runs and their events. */
    public static final String OWN =
            "this.tenantId = :" + PARAMETER + " OR :" + PARAMETER + " = '" + EVERY_TENANT + "'";

    /** Rows of the caller's tenant and global rows (no tenant): providers, their keys and routing policies. */
    public static final String OWN_OR_GLOBAL = "this.tenantId = :" + PARAMETER + " OR this.tenantId IS NULL OR :"
            + PARAMETER + " = '" + EVERY_TENANT + "'";

    private TenantCriteria() {}
}
