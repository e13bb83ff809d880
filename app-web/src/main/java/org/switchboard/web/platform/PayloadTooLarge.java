package org.switchboard.web.platform;

import jakarta.ws.rs.ClientErrorException;

/** The request body exceeds {@code switchboard.http.max-body-bytes}. */
public class PayloadTooLarge extends ClientErrorException {
    public PayloadTooLarge(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes", 413);
    }
}
