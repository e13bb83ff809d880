package org.switchboard.core.accounts.boundary;

import org.switchboard.core.platform.Conflict;

/** Another operator has the username; problem type {@code operator-exists}. */
public class OperatorNameTaken extends Conflict {
    public OperatorNameTaken(String username) {
        super("operator-exists", "An operator named '" + username + "' already exists");
    }
}
