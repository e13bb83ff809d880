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
 */
package org.switchboard.core.routing;
