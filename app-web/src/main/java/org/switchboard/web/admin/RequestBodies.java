package org.switchboard.web.admin;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.ViolationType;
import org.switchboard.web.platform.JsonBodies;

/**
 * Reads an admin request body into its record: first as one JSON object (a clear problem when it is not JSON),
 * then bound with JSON-B. A member of the wrong JSON type is refused with the record's problem type; what the
 * values mean is Bean Validation's part, at the boundary.
 */
final class RequestBodies {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private RequestBodies() {}

    static <T> T read(InputStream body, Class<T> type) {
        String json = JsonBodies.readObject(body).toString();
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            ViolationType declared = type.getAnnotation(ViolationType.class);
            throw new InvalidInput(
                    declared == null ? "invalid-input" : declared.value(),
                    "A member of the request has the wrong JSON type: " + reason(e));
        }
    }

    /** The innermost message, which names the member; never a class name or a stack trace. */
    private static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason == null
                ? "unreadable"
                : reason.replaceAll("[a-z]+(\\.[a-z]+)+\\.([A-Z]\\w*)", "$2").replace("Exception", "error");
    }
}
