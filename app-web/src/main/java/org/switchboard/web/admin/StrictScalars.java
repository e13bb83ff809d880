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

    /** One scalar type: the JSON value read as it, or refused naming what was expected. */
    private abstract static class Strict<T> implements JsonbDeserializer<T> {
        private final String expected;

        Strict(String expected) {
            this.expected = expected;
        }

        /** The value as a {@code T}, or null when it is not one. */
        abstract T accept(JsonValue value);

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            T read = null;
            try {
                read = accept(value);
            } catch (ArithmeticException outOfRange) {
                // refused below
            }
            if (read == null) {
                throw new JsonbException("expected " + expected + ", not " + value);
            }
            return read;
        }
    }

    static final class Booleans extends Strict<Boolean> {
        Booleans() {
            super("true or false");
        }

        @Override
        Boolean accept(JsonValue value) {
            return value == JsonValue.TRUE ? Boolean.TRUE : value == JsonValue.FALSE ? Boolean.FALSE : null;
        }
    }

    static final class Integers extends Strict<Integer> {
        Integers() {
            super("a whole number");
        }

        @Override
        Integer accept(JsonValue value) {
            return value instanceof JsonNumber n && n.isIntegral() ? Integer.valueOf(n.intValueExact()) : null;
        }
    }

    static final class Longs extends Strict<Long> {
        Longs() {
            super("a whole number");
        }

        @Override
        Long accept(JsonValue value) {
            return value instanceof JsonNumber n && n.isIntegral() ? Long.valueOf(n.longValueExact()) : null;
        }
    }

    static final class Doubles extends Strict<Double> {
        Doubles() {
            super("a number");
        }

        @Override
        Double accept(JsonValue value) {
            return value instanceof JsonNumber n ? Double.valueOf(n.doubleValue()) : null;
        }
    }

    static final class Decimals extends Strict<BigDecimal> {
        Decimals() {
            super("a number");
        }

        @Override
        BigDecimal accept(JsonValue value) {
            return value instanceof JsonNumber n ? n.bigDecimalValue() : null;
        }
    }
}
