package org.switchboard.core.runs.boundary;

import org.switchboard.core.platform.Gone;

/** The run ended longer ago than the retention period; its events are no longer kept. */
public class RunGone extends Gone {
    public RunGone(String id) {
        super("run-expired", "Run '" + id + "' ended longer ago than the retention period and is no longer available");
    }
}
