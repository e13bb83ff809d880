package org.switchboard.core.runs.boundary;

import java.time.Duration;
import org.switchboard.core.platform.ServiceUnavailable;

/**
 * A run started at once could not be recorded in time (the database does not answer). Its generation was
 * stopped, and it is recorded as it ended (cancelled, unless its upstream had already finished) once the
 * database is back.
 */
public class RunNotRecorded extends ServiceUnavailable {
    public RunNotRecorded(long id, Duration waited) {
        super(
                "run-not-recorded",
                "Run '" + id + "' could not be recorded within " + waited.toSeconds()
                        + " s (the database does not answer); its generation was stopped. Retry later");
    }
}
