/**
 * Routing policies in the console ({@code policies/:policyId?}): alias, strategy, targets with weights, priorities
 * and prices, retries and breaker, and a dry run that says which target would serve a request now and why. Calls
 * {@code RoutingPolicies} only.
 */
package org.switchboard.admin.policies;
