/**
 * Who is calling, and the one tenant scope every tenant-owned read goes through (SPEC §6: isolation enforced in
 * one place, never ad-hoc {@code WHERE} clauses).
 *
 * <p>The mechanism:
 * <ul>
 *   <li>A tenant-owned entity declares EclipseLink's {@code @AdditionalCriteria} with one of the filters of
 *       {@link org.switchboard.core.tenants.entity.TenantCriteria}: {@code OWN} (runs, run events) or
 *       {@code OWN_OR_GLOBAL} (providers, provider keys, routing policies, whose rows without a tenant are global).
 *       EclipseLink adds it to every JPQL and Criteria query, {@code find} and bulk {@code UPDATE}/{@code DELETE}
 *       of the entity.</li>
 *   <li>The filter's parameter is a property of the transaction's persistence context, set only by
 *       {@link org.switchboard.core.tenants.boundary.TenantScope}: {@code em()} sets the tenant of the current
 *       call, {@code platform()} the value that sees every tenant. A persistence context without it fails the
 *       query (EclipseLink-6174), so a store that forgets the tenant reads nothing, never another tenant's rows.
 *       One transaction has one scope; asking for another in the same transaction fails.</li>
 *   <li>A boundary marked {@link org.switchboard.core.tenants.boundary.TenantScoped} enters the tenant of its
 *       {@link org.switchboard.core.tenants.entity.Caller} argument for the call (on its thread;
 *       {@code TenantScopeInterceptor}). Work with no caller (workers, timers, the routing table, seeding) uses
 *       {@code platform()}, by name. The console's reads take a platform admin's {@code Caller} to every tenant's
 *       rows with {@code em(caller)}, and anyone else's to their tenant's.</li>
 *   <li>The JDBC hot path (submission, claim, event log) is platform work on runs of every tenant; the tenant it
 *       writes is the one a run took from {@code TenantScope.tenant()} when it was submitted. Native SQL is not
 *       covered by the criteria: the idempotency keys and webhook secret statements bind
 *       {@code TenantScope.tenant()}.</li>
 * </ul>
 *
 * <p>Invariants:
 * <ul>
 *   <li>Another tenant's row is never read for a caller, and looks exactly like a row that does not exist (404);
 *       it cannot be changed or deleted either, since a write first finds the row.</li>
 *   <li>Global rows are readable by every tenant's admins; only {@code platform-admin} writes them
 *       ({@code RoutingAdmin}).</li>
 *   <li>Within a tenant, a user sees their own runs; the {@code admin} role sees every run of the tenant. That
 *       per-user rule is checked in one place, {@code Runs.visibleTo}.</li>
 * </ul>
 * Tenants are not registered anywhere: a token's claim or an operator's account names one. A platform admin
 * choosing whom to act for in the console picks from {@code TenantDirectory}, the tenants the platform has seen.
 * Guarded by {@code TenantIsolationIT}, which probes every tenant-owned endpoint with another tenant's ids.
 *
 * <p>A new tenant-owned entity opts in with a {@code tenant_id} column, {@code @AdditionalCriteria(TenantCriteria.OWN)}
 * (or {@code OWN_OR_GLOBAL}), a store that takes its {@code EntityManager} from {@code TenantScope}, and a
 * {@code @TenantScoped} boundary whose methods take the {@code Caller}.
 */
package org.switchboard.core.tenants;
