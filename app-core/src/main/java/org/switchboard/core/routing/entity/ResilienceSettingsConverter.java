package org.switchboard.core.routing.entity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.function.Function;
import org.switchboard.core.platform.JsonP;

/**
 * {@link ResilienceSettings} as the JSON object column {@code routing_policies.resilience}: only the settings a
 * policy chose are written, so the defaults stay defaults. Rows written before this converter read the same.
 */
@Converter
public class ResilienceSettingsConverter implements AttributeConverter<ResilienceSettings, String> {
    @Override
    public String convertToDatabaseColumn(ResilienceSettings s) {
        if (s == null) {
            return "{}";
        }
        JsonObjectBuilder json = JsonP.createObjectBuilder();
        put(json, "max_attempts", s.maxAttempts());
        put(json, "backoff_ms", s.backoffMillis());
        put(json, "multiplier", s.multiplier());
        put(json, "jitter", s.jitter());
        put(json, "breaker_failures", s.breakerFailures());
        put(json, "breaker_cool_down_ms", s.breakerCoolDownMillis());
        put(json, "quota_cool_down_ms", s.quotaCoolDownMillis());
        return json.build().toString();
    }

    @Override
    public ResilienceSettings convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return ResilienceSettings.DEFAULTS;
        }
        JsonObject o = JsonP.parseObject(column);
        return new ResilienceSettings(
                get(o, "max_attempts", JsonNumber::intValue),
                get(o, "backoff_ms", JsonNumber::longValue),
                get(o, "multiplier", JsonNumber::doubleValue),
                get(o, "jitter", JsonNumber::doubleValue),
                get(o, "breaker_failures", JsonNumber::intValue),
                get(o, "breaker_cool_down_ms", JsonNumber::longValue),
                get(o, "quota_cool_down_ms", JsonNumber::longValue));
    }

    private static void put(JsonObjectBuilder json, String name, Number value) {
        if (value instanceof Integer i) {
            json.add(name, i);
        } else if (value instanceof Long l) {
            json.add(name, l);
        } else if (value instanceof Double d) {
            json.add(name, d);
        }
    }

    private static <T> T get(JsonObject o, String name, Function<JsonNumber, T> as) {
        return o.get(name) instanceof JsonNumber n ? as.apply(n) : null;
    }
}
