package org.switchboard.web.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;

/** Reads a request body that must be one JSON object, with a clear 400 (or 413) when it is not. */
public final class JsonBodies {
    private JsonBodies() {}

    public static JsonObject readObject(InputStream body) {
        JsonValue value;
        try (JsonReader reader = JsonP.createReader(body)) {
            value = reader.readValue();
        } catch (JsonException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyLimitFilter.LimitExceeded exceeded) {
                    throw new PayloadTooLarge(exceeded.limit);
                }
            }
            throw new InvalidInput("malformed-json", "The request body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("malformed-json", "The request body must be a JSON object");
        }
        return value.asJsonObject();
    }
}
