package org.switchboard.core.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json.createXxx} looks the provider up with
 * a {@code ServiceLoader} on every call, which inside Payara scans the class loaders' resources: on the token
 * path that was most of the CPU (measured with JFR under the benchmark load).
 */
public final class JsonP {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {}

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    /** A streaming parser: reads what it needs of a document without building its tree. */
    public static JsonParser createParser(String json) {
        return PROVIDER.createParser(new StringReader(json));
    }

    public static JsonReader createReader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    /** Parses a JSON object and gives the parser's buffers back to the provider's pool (closing the reader does). */
    public static JsonObject parseObject(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
