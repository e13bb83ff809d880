package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MappedSettings} compiled once per distinct settings object: the mapped adapter is stateless and reads
 * its provider's settings on every call, and compiling them (JSONPaths, templates) is too dear for every call.
 */
final class MappedSettingsCache {
    private static final int MAX_CACHED_MAPPINGS = 256;

    private final Map<JsonObject, MappedSettings> mappings = new ConcurrentHashMap<>();

    /** The compiled settings, parsed once per distinct settings object. */
    MappedSettings get(JsonObject settings) {
        MappedSettings cached = mappings.get(settings);
        if (cached != null) {
            return cached;
        }
        MappedSettings parsed = MappedSettings.parse(settings);
        if (mappings.size() >= MAX_CACHED_MAPPINGS) {
            mappings.clear(); // providers are few; a flood of distinct settings only costs recompiling
        }
        mappings.put(settings, parsed);
        return parsed;
    }
}
