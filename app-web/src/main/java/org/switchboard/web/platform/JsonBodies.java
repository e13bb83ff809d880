package org.switchboard.web.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import org.switchboard.core.platform.InvalidInput;

/** Reads a request body that must be one JSON object, with a clear 400 (or 413) when it is not. */
public final class JsonBodies {
    /** Looked up once: see {@link org.switchboard.core.platform.JsonP} for why. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonBodies() {}

    public static JsonObject readObject(InputStream body) {
        JsonValue value;
        // A parser rather than a JsonReader: the reader stops after the first value and would take
        // {"a":1}} as {"a":1}; the parser tells us whether anything follows it.
        try (JsonParser parser = PROVIDER.createParser(body)) {
            if (!parser.hasNext()) {
                throw malformed("the body is empty");
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("something follows the JSON value");
            }
        } catch (JsonException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyLimitFilter.LimitExceeded exceeded) {
                    throw new PayloadTooLarge(exceeded.limit);
                }
            }
            throw malformed(e.getMessage());
        } catch (InvalidInput e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson refuses a body nested deeper than its limit (org.eclipse.parsson.maxDepth, 1000) with a
            // plain RuntimeException; any other failure of the parser is about this input too.
            throw malformed(e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("malformed-json", "The request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static InvalidInput malformed(String why) {
        return new InvalidInput("malformed-json", "The request body is not valid JSON: " + why);
    }
}
