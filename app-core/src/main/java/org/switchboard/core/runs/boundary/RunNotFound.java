package org.switchboard.core.runs.boundary;

import org.switchboard.core.platform.NotFound;

/** No run with this id is visible to the caller (it does not exist, or belongs to someone else). */
public class RunNotFound extends NotFound {
    public RunNotFound(String id) {
        super("run-not-found", "No run with id '" + id + "'");
    }
}
