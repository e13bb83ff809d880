package org.switchboard.core.routing.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;

/**
 * Reads and writes the JSON of a routing policy's strategy, targets and resilience settings, filling in the
 * defaults of what a stored value leaves out and rejecting anything malformed with a problem that says which
 * field is wrong. The column converters use it; requests through the admin API are checked by Bean Validation
 * on their records before they get here.
 */
public final class PolicyCodec {
    static final int MAX_TARGETS = 32;

    private PolicyCodec() {}

    public static Strategy strategy(String value) {
        if (value == null) {
            return Strategy.PRIORITY;
        }
        try {
            return Strategy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("strategy must be one of priority, weighted, latency, cost");
        }
    }

    public static List<Target> targets(JsonArray array) {
        if (array == null || array.isEmpty()) {
            throw invalid("targets must be a non-empty array of {provider, model, ...}");
        }
        if (array.size() > MAX_TARGETS) {
            throw invalid("a policy has at most " + MAX_TARGETS + " targets");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject target)) {
                throw invalid("targets[" + i + "] must be an object");
            }
            String at = "targets[" + i + "].";
            targets.add(new Target(
                    text(target, "provider", at),
                    text(target, "model", at),
                    keyId(target, at),
                    (int) number(target, "weight", 1, 0, 1_000_000, at),
                    (int) number(target, "priority", i + 1, 0, 1_000_000, at),
                    price(target, "input_price_per_1k", at),
                    price(target, "output_price_per_1k", at)));
        }
        if (targets.stream().allMatch(t -> t.weight() == 0)) {
            throw invalid("at least one target needs a weight above 0");
        }
        return List.copyOf(targets);
    }

    public static List<Target> targets(String json) {
        return targets(parse(json).asJsonArray());
    }

    public static JsonArray json(List<Target> targets) {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        for (Target t : targets) {
            JsonObjectBuilder o =
                    JsonP.createObjectBuilder().add("provider", t.provider()).add("model", t.model());
            if (t.keyId() != null) {
                o.add("key", Long.toString(t.keyId()));
            }
            array.add(o.add("weight", t.weight())
                    .add("priority", t.priority())
                    .add("input_price_per_1k", t.inputPricePer1k())
                    .add("output_price_per_1k", t.outputPricePer1k()));
        }
        return array.build();
    }

    public static Resilience resilience(JsonObject json, Resilience defaults) {
        JsonObject o = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        String at = "resilience.";
        return new Resilience(
                (int) number(o, "max_attempts", defaults.maxAttempts(), 1, 10, at),
                number(o, "backoff_ms", defaults.backoffMillis(), 0, 60_000, at),
                decimal(o, "multiplier", defaults.multiplier(), 1, 10, at),
                decimal(o, "jitter", defaults.jitter(), 0, 1, at),
                (int) number(o, "breaker_failures", defaults.breakerFailures(), 1, 1000, at),
                number(o, "breaker_cool_down_ms", defaults.breakerCoolDownMillis(), 0, 3_600_000, at),
                number(o, "quota_cool_down_ms", defaults.quotaCoolDownMillis(), 0, 3_600_000, at));
    }

    public static Resilience resilience(String json, Resilience defaults) {
        return resilience(parse(json).asJsonObject(), defaults);
    }

    public static JsonObject json(Resilience r) {
        return JsonP.createObjectBuilder()
                .add("max_attempts", r.maxAttempts())
                .add("backoff_ms", r.backoffMillis())
                .add("multiplier", r.multiplier())
                .add("jitter", r.jitter())
                .add("breaker_failures", r.breakerFailures())
                .add("breaker_cool_down_ms", r.breakerCoolDownMillis())
                .add("quota_cool_down_ms", r.quotaCoolDownMillis())
                .build();
    }

    static JsonValue parse(String json) {
        try {
            return JsonP.createReader(new StringReader(json)).readValue();
        } catch (JsonException e) {
            throw new IllegalStateException("Stored routing JSON does not parse: " + e.getMessage(), e);
        }
    }

    private static String text(JsonObject o, String name, String at) {
        if (o.get(name) instanceof JsonString s
                && !s.getString().isBlank()
                && s.getString().length() <= 128) {
            return s.getString().strip();
        }
        throw invalid(at + name + " must be a non-empty string of at most 128 characters");
    }

    private static Long keyId(JsonObject o, String at) {
        JsonValue value = o.get("key");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            if (value instanceof JsonString s) {
                return Long.parseLong(s.getString().strip());
            }
            if (value instanceof JsonNumber n) {
                return n.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw invalid(at + "key must be the id of one of the provider's keys");
    }

    private static long number(JsonObject o, String name, long fallback, long min, long max, String at) {
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                long exact = n.longValueExact();
                if (exact >= min && exact <= max) {
                    return exact;
                }
            } catch (ArithmeticException beyondLong) {
                // reported below
            }
        }
        throw invalid(at + name + " must be a whole number from " + min + " to " + max);
    }

    private static double decimal(JsonObject o, String name, double fallback, double min, double max, String at) {
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonNumber n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        throw invalid(at + name + " must be a number from " + min + " to " + max);
    }

    private static BigDecimal price(JsonObject o, String name, String at) {
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            return BigDecimal.ZERO;
        }
        if (value instanceof JsonNumber n && n.bigDecimalValue().signum() >= 0) {
            return n.bigDecimalValue();
        }
        throw invalid(at + name + " must be a number of at least 0 (currency units per 1,000 tokens)");
    }

    private static InvalidInput invalid(String detail) {
        return new InvalidInput("invalid-routing-policy", "Invalid routing policy: " + detail);
    }
}
