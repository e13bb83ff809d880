package org.switchboard.core.routing.boundary;

import org.switchboard.core.platform.InvalidInput;

/** The upstream refused the request itself (a bad request); no other target would answer differently. */
public class UpstreamRefused extends InvalidInput {
    public UpstreamRefused(String type, String message) {
        super(type, message);
    }
}
