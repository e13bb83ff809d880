package org.switchboard.core.webhooks.boundary;

import org.switchboard.core.platform.NotFound;

/** No webhook delivery with this id is visible to the caller; problem type {@code delivery-not-found}. */
public class DeliveryNotFound extends NotFound {
    public DeliveryNotFound(long id) {
        super("delivery-not-found", "No webhook delivery with id '" + id + "'");
    }
}
