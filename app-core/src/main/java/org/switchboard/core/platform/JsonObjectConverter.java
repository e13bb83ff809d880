package org.switchboard.core.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A JSON object column, parsed once when the row is read rather than by every reader. */
@Converter
public class JsonObjectConverter implements AttributeConverter<JsonObject, String> {
    @Override
    public String convertToDatabaseColumn(JsonObject json) {
        return (json == null ? JsonValue.EMPTY_JSON_OBJECT : json).toString();
    }

    @Override
    public JsonObject convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonP.parseObject(column);
    }
}
