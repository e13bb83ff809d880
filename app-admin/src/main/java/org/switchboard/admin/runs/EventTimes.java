package org.switchboard.admin.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.switchboard.admin.security.SignedIn;

/** A run's moments to the millisecond, in the operator's zone, and its durations in milliseconds. */
final class EventTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private EventTimes() {}

    static String at(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(SignedIn.zone()));
    }

    /** {@code 1,234 ms}; a dash for a duration not reached (null). */
    static String millis(Duration duration) {
        return duration == null ? "–" : String.format("%,d ms", duration.toMillis());
    }
}
