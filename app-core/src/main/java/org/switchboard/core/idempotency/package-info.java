/**
 * Idempotency keys of submissions ({@code Idempotency-Key}): the same key with the same request gets the
 * same run and the same answer; with a different request it is refused; while the first request is still
 * being answered, a repeat is told to retry. Keys are remembered for {@code switchboard.idempotency.ttl}
 * (24 h by default), per tenant and user.
 */
package org.switchboard.core.idempotency;
