/**
 * Providers, their keys and routing policies (SPEC §4, §5): a client names a model alias, its policy picks a
 * target (provider + upstream model + key) by strategy, and a routed generation retries, falls back and trips
 * circuit breakers until one target answers — invisibly, as long as nothing has reached the client.
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
 *   <li>The JSON columns (provider settings, a policy's strategy, targets and resilience) are typed values,
 *       converted once per row load by {@code AttributeConverter}s; resilience keeps only what a policy chose,
 *       so changed defaults reach every policy that did not.</li>
 * </ul>
 */
package org.switchboard.core.routing;
