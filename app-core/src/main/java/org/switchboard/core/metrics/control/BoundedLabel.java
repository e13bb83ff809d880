package org.switchboard.core.metrics.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values one label may take, capped: the first {@code cap} distinct values are kept as they are, every later one
 * becomes {@value #OTHER}. So a tenant or model label cannot grow the number of series (and the scrape) without
 * bound, whatever callers send. Never a run or user id: those are not labels at all.
 */
public final class BoundedLabel {
    public static final String OTHER = "other";

    private final int cap;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    public BoundedLabel(int cap) {
        this.cap = cap;
    }

    /** {@code value} itself if admitted (or room is left to admit it), else {@value #OTHER}. */
    public String of(String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        if (admitted.contains(value)) {
            return value;
        }
        // Two threads may both pass the size check: the cap is a bound on growth, not an exact count.
        if (admitted.size() < cap) {
            admitted.add(value);
            return value;
        }
        return OTHER;
    }
}
