package org.switchboard.admin.shell;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.switchboard.admin.security.SignedIn;

/** Times as the console shows them: in the signed-in operator's zone, to the second. */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {}

    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(SignedIn.zone()));
    }

    /** An ISO-8601 time as the admin API answers it, shown in the operator's zone. */
    public static String format(String isoInstant) {
        return isoInstant == null || isoInstant.isBlank() ? "" : format(Instant.parse(isoInstant));
    }
}
