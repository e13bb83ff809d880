package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Where one call goes and as whom: a routing target resolved to its provider's base URL, the decrypted key
 * (null when the provider needs none), the upstream's model name and the provider's adapter settings
 * (dialect-specific, e.g. the mapped adapter's JSONPaths). {@link #toString()} never shows the key.
 */
public record Upstream(String baseUrl, String apiKey, String model, JsonObject settings) {
    public Upstream {
        settings = settings == null ? JsonValue.EMPTY_JSON_OBJECT : settings;
    }

    /** {@code baseUrl} joined with a path that starts with a slash. */
    public String url(String path) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) + path : baseUrl + path;
    }

    @Override
    public String toString() {
        return "Upstream[" + baseUrl + ", model=" + model + ", key=" + (apiKey == null ? "none" : "***") + "]";
    }
}
