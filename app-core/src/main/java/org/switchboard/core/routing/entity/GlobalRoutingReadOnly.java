package org.switchboard.core.routing.entity;

import org.switchboard.core.platform.Forbidden;

/** A tenant admin tried to create or change global routing configuration, which platform admins own; problem type {@code forbidden}. */
public class GlobalRoutingReadOnly extends Forbidden {
    public GlobalRoutingReadOnly(String detail) {
        super("forbidden", detail);
    }
}
