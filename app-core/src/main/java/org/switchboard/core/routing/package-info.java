/**
 * Providers, their keys and routing policies (SPEC §4, §5): a client names a model alias, its policy picks a
 * target (provider + upstream model + key) by strategy, and a routed generation retries, falls back and trips
 * circuit breakers until one target answers — invisibly, as long as nothing has reached the client.
 */
package org.switchboard.core.routing;
