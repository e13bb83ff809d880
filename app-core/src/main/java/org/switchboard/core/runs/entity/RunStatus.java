package org.switchboard.core.runs.entity;

import java.util.Locale;

/** The life of a run (SPEC §2). Stored and serialised in lower case. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    INCOMPLETE,
    EXPIRED;

    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
