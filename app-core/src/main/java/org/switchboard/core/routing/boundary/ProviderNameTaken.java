package org.switchboard.core.routing.boundary;

import org.switchboard.core.platform.Conflict;

/** A provider of that name already exists in the scope (tenant or global); problem type {@code provider-exists}. */
public class ProviderNameTaken extends Conflict {
    public ProviderNameTaken(String name) {
        super("provider-exists", "A provider named '" + name + "' already exists in this scope");
    }
}
