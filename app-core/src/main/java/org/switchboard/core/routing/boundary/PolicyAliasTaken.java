package org.switchboard.core.routing.boundary;

import org.switchboard.core.platform.Conflict;

/** A routing policy for that alias already exists in the scope (tenant or global); problem type {@code policy-exists}. */
public class PolicyAliasTaken extends Conflict {
    public PolicyAliasTaken(String alias) {
        super("policy-exists", "A routing policy for alias '" + alias + "' already exists in this scope");
    }
}
