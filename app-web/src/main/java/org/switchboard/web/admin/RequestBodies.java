package org.switchboard.web.admin;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.ViolationType;
import org.switchboard.web.platform.JsonBodies;

/**
 * Reads an admin request body into its record: first as one JSON object (a clear problem when it is not JSON),
 * then bound with JSON-B. A member of the wrong JSON type is refused with the record's problem type; what the
 * values mean is Bean Validation's part, at the boundary.
 */
final class RequestBodies {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(StrictScalars.all()));

    private static final Pattern MEMBER = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

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

    /** The member JSON-B names, and the innermost message; never a class name or a stack trace. */
    private static String reason(Throwable e) {
        String member = null;
        String reason = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
                Matcher named = MEMBER.matcher(reason);
                if (member == null && named.find()) {
                    member = named.group(1);
                }
            }
        }
        String detail = reason == null
                ? "unreadable"
                : reason.replaceAll("[a-z]+(\\.[a-z]+)+\\.([A-Z]\\w*)", "$2").replace("Exception", "error");
        return member == null ? detail : member + ": " + detail;
    }
}
