package org.switchboard.web.admin;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON-B reads {@code "yes"} into a Boolean as false and {@code "2"} into a number; the admin API takes
 * booleans and numbers only as JSON booleans and numbers, as it always did, and refuses anything else.
 */
final class StrictScalars {
    private StrictScalars() {}

    static JsonbDeserializer<?>[] all() {
        return new JsonbDeserializer<?>[] {new Booleans(), new Integers(), new Longs(), new Doubles(), new Decimals()};
    }

    private static JsonbException refused(JsonValue value, String expected) {
        return new JsonbException("expected " + expected + ", not " + value);
    }

    static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw refused(value, "true or false");
        }
    }

    static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            try {
                if (value instanceof JsonNumber n && n.isIntegral()) {
                    return n.intValueExact();
                }
            } catch (ArithmeticException beyondInt) {
                // refused below
            }
            throw refused(value, "a whole number");
        }
    }

    static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            try {
                if (value instanceof JsonNumber n && n.isIntegral()) {
                    return n.longValueExact();
                }
            } catch (ArithmeticException beyondLong) {
                // refused below
            }
            throw refused(value, "a whole number");
        }
    }

    static final class Doubles implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
            if (parser.getValue() instanceof JsonNumber n) {
                return n.doubleValue();
            }
            throw refused(parser.getValue(), "a number");
        }
    }

    static final class Decimals implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            if (parser.getValue() instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            throw refused(parser.getValue(), "a number");
        }
    }
}
