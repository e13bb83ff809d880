/**
 * Providers, their keys and routing policies (SPEC §4, §5): a client names a model alias, its policy picks a
 * target (provider + upstream model + key) by strategy, and a routed generation retries, falls back and trips
 * circuit breakers until one target answers — invisibly, as long as nothing has reached the client.
 *
 * <p>Chat and embeddings share one policy, built on Failsafe ({@code control.Failover}): one error
 * classification ({@code control.FailureClass}), retries with back-off and jitter or the upstream's
 * {@code Retry-After}, fallback to the next target, and the per-target breaker. Invariants, each guarded by
 * {@code RoutedGenerationTest} or {@code FailoverTest}: a bad request or a business refusal is never retried nor
 * fallen back from; a refused key is flagged and never retried; after the first token reached the client nothing
 * is retried or fallen back from.
 */
package org.switchboard.core.routing;
