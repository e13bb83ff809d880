package org.switchboard.core.accounts.boundary;

import org.switchboard.core.platform.NotFound;

/** No operator has the id; problem type {@code operator-not-found}. */
public class OperatorNotFound extends NotFound {
    public OperatorNotFound(String id) {
        super("operator-not-found", "No operator " + id);
    }
}
