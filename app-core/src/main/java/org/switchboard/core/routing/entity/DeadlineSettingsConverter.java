package org.switchboard.core.routing.entity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.switchboard.core.platform.JsonP;

/**
 * {@link DeadlineSettings} as the JSON object column {@code routing_policies.deadlines}: only the deadlines a
 * policy chose are written ({@code {"first_token_ms":2000}}), so the others stay the instance's.
 */
@Converter
public class DeadlineSettingsConverter implements AttributeConverter<DeadlineSettings, String> {
    @Override
    public String convertToDatabaseColumn(DeadlineSettings d) {
        if (d == null) {
            return "{}";
        }
        JsonObjectBuilder json = JsonP.createObjectBuilder();
        put(json, "first_token_ms", d.firstTokenMillis());
        put(json, "gap_ms", d.gapMillis());
        put(json, "total_ms", d.totalMillis());
        return json.build().toString();
    }

    @Override
    public DeadlineSettings convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return DeadlineSettings.DEFAULTS;
        }
        JsonObject o = JsonP.parseObject(column);
        return new DeadlineSettings(get(o, "first_token_ms"), get(o, "gap_ms"), get(o, "total_ms"));
    }

    private static void put(JsonObjectBuilder json, String name, Long value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static Long get(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? n.longValue() : null;
    }
}
