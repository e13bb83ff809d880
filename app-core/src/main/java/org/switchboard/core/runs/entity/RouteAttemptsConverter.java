package org.switchboard.core.runs.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;
import org.switchboard.core.platform.JsonP;

/**
 * A run's {@link RouteAttempt}s as the JSON array column {@code runs.route_attempts}, which is also how the runs
 * API shows them: {@code [{"target":"a/m","outcome":"upstream-error","status":503,"started_ms":0,"took_ms":12},
 * ...]}, {@code status} left out when there is none. No attempt is NULL.
 */
@Converter
public class RouteAttemptsConverter implements AttributeConverter<List<RouteAttempt>, String> {
    @Override
    public String convertToDatabaseColumn(List<RouteAttempt> attempts) {
        return attempts == null || attempts.isEmpty() ? null : json(attempts).toString();
    }

    @Override
    public List<RouteAttempt> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(column))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(RouteAttemptsConverter::attempt)
                    .toList();
        }
    }

    /** The attempts as JSON, in order. */
    public static JsonArray json(List<RouteAttempt> attempts) {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        for (RouteAttempt a : attempts) {
            JsonObjectBuilder o =
                    JsonP.createObjectBuilder().add("target", a.target()).add("outcome", a.outcome());
            if (a.status() != null) {
                o.add("status", a.status());
            }
            array.add(o.add("started_ms", a.startedMillis()).add("took_ms", a.tookMillis()));
        }
        return array.build();
    }

    private static RouteAttempt attempt(JsonObject o) {
        return new RouteAttempt(
                o.getString("target", ""),
                o.getString("outcome", ""),
                o.get("status") instanceof JsonNumber status ? status.intValue() : null,
                o.get("started_ms") instanceof JsonNumber started ? started.longValue() : 0,
                o.get("took_ms") instanceof JsonNumber took ? took.longValue() : 0);
    }
}
