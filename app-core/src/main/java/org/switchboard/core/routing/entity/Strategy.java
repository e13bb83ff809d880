package org.switchboard.core.routing.entity;

import java.util.Locale;

/** How a policy orders its targets for one request; the rest of the order is the fallback chain. */
public enum Strategy {
    /** Lowest {@code priority} first, then the order of the list. */
    PRIORITY,
    /** One target drawn at random by {@code weight}, the others after it by priority. */
    WEIGHTED,
    /** Lowest moving average (EWMA) of time to first token first; targets never measured are tried first. */
    LATENCY,
    /** Lowest price per 1k input + output tokens first. */
    COST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
