package org.switchboard.core.routing.entity;

import org.switchboard.core.platform.NotFound;

/** A provider, key or policy that does not exist, or belongs to another tenant. */
public class RoutingNotFound extends NotFound {
    public RoutingNotFound(String type, String message) {
        super(type, message);
    }
}
