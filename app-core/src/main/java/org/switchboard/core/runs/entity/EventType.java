package org.switchboard.core.runs.entity;

import java.util.Locale;

/** The native run event types (SPEC §10). {@code done} and {@code error} are terminal. */
public enum EventType {
    RUN,
    DELTA,
    USAGE,
    DONE,
    ERROR;

    public boolean isTerminal() {
        return this == DONE || this == ERROR;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
