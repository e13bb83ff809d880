package org.switchboard.core.idempotency.boundary;

import org.switchboard.core.platform.Conflict;

/** The first request with this Idempotency-Key is still being answered; problem type {@code idempotency-key-in-flight}. */
public class IdempotencyKeyInFlight extends Conflict {
    public IdempotencyKeyInFlight(String key) {
        super(
                "idempotency-key-in-flight",
                "The first request with Idempotency-Key '" + key + "' is still being processed; retry shortly");
    }
}
