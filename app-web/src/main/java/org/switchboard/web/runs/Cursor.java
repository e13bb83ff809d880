package org.switchboard.web.runs;

import org.switchboard.core.platform.InvalidInput;

/** Parses a seq cursor ({@code after}, {@code Last-Event-ID}): absent is 0, anything but a whole number is 400. */
final class Cursor {
    private Cursor() {}

    static int parse(String value, String name) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int seq = Integer.parseInt(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput("invalid-cursor", "'" + name + "' must be a seq: a whole number of 0 or more");
    }
}
