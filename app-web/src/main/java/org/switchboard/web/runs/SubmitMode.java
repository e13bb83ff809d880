package org.switchboard.web.runs;

import java.util.Locale;
import org.switchboard.web.platform.InvalidField;

/** How {@code POST /api/v1/runs} answers: an SSE stream, {@code 202} at once, or the result (default). */
enum SubmitMode {
    STREAM,
    ASYNC,
    SYNC;

    static SubmitMode of(String value) {
        if (value == null) {
            return SYNC;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("mode", "'mode' must be one of stream, async, sync");
        }
    }
}
