/**
 * Providers, their keys and routing policies (SPEC §4, §5): a client names a model alias, its policy picks a
 * target (provider + upstream model + key) by strategy, and a routed generation retries, falls back and trips
 * circuit breakers until one target answers — invisibly, as long as nothing has reached the client.
 *
 * <p>Routing owns the model aliases a caller may name ({@link org.switchboard.core.routing.boundary.Models},
 * {@link org.switchboard.core.routing.boundary.ModelNotFound}). It depends on providers (their adapters),
 * keys (sealing and opening) and platform; runs depends on routing, never the reverse.
 *
 * <p>{@link org.switchboard.core.routing.entity.Provider} and {@link org.switchboard.core.routing.entity.ProviderKey}
 * stay here rather than with the adapters in providers: they are routing's configuration rows, which routing
 * loads into its table, resolves policy targets against, and seals keys for. An adapter never sees them: routing
 * hands it a resolved target as a {@link org.switchboard.core.providers.control.Upstream} (base URL, the opened
 * key, the upstream model, the settings), so providers needs nothing from routing.
 *
 * <p>Chat and embeddings share one policy, built on Failsafe ({@code control.Failover}): one error
 * classification ({@code control.FailureClass}), retries with back-off and jitter or the upstream's
 * {@code Retry-After}, fallback to the next target, and the per-target breaker. Invariants, each guarded by
 * {@code RoutedGenerationTest} or {@code FailoverTest}: a bad request or a business refusal is never retried nor
 * fallen back from; a refused key is flagged and never retried; after the first token reached the client nothing
 * is retried or fallen back from.
 *
 * <p>The admin API's doors are three boundaries, one per aggregate: {@code Providers}, {@code ProviderKeys} and
 * {@code RoutingPolicies}. They take and answer typed records ({@code XxxRequest}/{@code XxxResponse}) and
 * declare the roles they need with {@code @RequiresRole} (tenant admin or platform admin). Invariants:
 * <ul>
 *   <li>A request is checked with Bean Validation before anything is stored: a new row by its record's
 *       constraints ({@code OnCreate}), a change after it is laid over the stored row, so the row as it would be
 *       is what is checked. A refused request changes nothing (the boundary's transaction rolls back).</li>
 *   <li>Another tenant's row is indistinguishable from a missing one (404), also for a change that would be
 *       invalid; a global row is read by every tenant admin and changed only by platform admins (403)
 *       ({@code RoutingScopes}).</li>
 *   <li>A key's secret goes in once and never comes out: it is sealed under the master key
 *       ({@code KeySealing}) and answers show its mask.</li>
 *   <li>A provider name and a policy alias are unique within their scope (tenant or global).</li>
 *   <li>Every change bumps {@code routing_version} in its transaction and reloads this instance's
 *       {@code RoutingTable} after commit ({@code ReloadOnCommit}); other instances follow within
 *       {@code switchboard.routing.refresh-interval}.</li>
 *   <li>Every change (console or REST alike) is written to the audit log by the boundary, in its transaction, with
 *       the row before and after as the API shows it, keys masked ({@code audit.boundary.AdminChanges}).</li>
 *   <li>A dry run ({@code RoutingPolicies.dryRun}, {@code control.DryRuns}) and a connection test
 *       ({@code Providers.testConnection}, {@code control.ConnectionProbe}) change nothing: the dry run reads the
 *       breakers without taking a half-open breaker's trial permit, the test calls the adapter directly and books
 *       nothing against the target's health.</li>
 *   <li>The JSON columns (provider settings, a policy's strategy, targets and resilience) are typed values,
 *       converted once per row load by {@code AttributeConverter}s; resilience keeps only what a policy chose,
 *       so changed defaults reach every policy that did not.</li>
 * </ul>
 */
package org.switchboard.core.routing;
