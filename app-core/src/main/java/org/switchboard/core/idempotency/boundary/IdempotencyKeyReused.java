package org.switchboard.core.idempotency.boundary;

import org.switchboard.core.platform.Unprocessable;

/** An Idempotency-Key came back with a different request; problem type {@code idempotency-key-reused}. */
public class IdempotencyKeyReused extends Unprocessable {
    public IdempotencyKeyReused(String key) {
        super(
                "idempotency-key-reused",
                "Idempotency-Key '" + key + "' was used with a different request; use a new key for a new request");
    }
}
