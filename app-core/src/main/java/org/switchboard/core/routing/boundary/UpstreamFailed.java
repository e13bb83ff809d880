package org.switchboard.core.routing.boundary;

import org.switchboard.core.platform.BadGateway;

/** No target of the route could serve the request, after retries and fallbacks; the type names the last failure. */
public class UpstreamFailed extends BadGateway {
    public UpstreamFailed(String type, String message) {
        super(type, message);
    }
}
