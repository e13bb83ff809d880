package org.switchboard.core.providers.control;

import java.util.Locale;
import java.util.Map;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.providers.entity.SimulatorHints;

/**
 * What the simulator does for one request: how many tokens, how fast, and which fault to inject.
 * Built from the model's defaults, overridden by request hints (the web layer maps the documented
 * {@code X-Simulator-*} headers to hints named {@code simulator.tokens}, {@code simulator.delay-ms}, ...).
 */
public record SimulatorScript(int tokens, long latencyMillis, long delayMillis, Fault fault, int faultAfter) {
    private static final String HINT_PREFIX = SimulatorHints.PREFIX;
    static final int MAX_TOKENS = 100_000;
    static final long MAX_MILLIS = 600_000;

    /** The injectable faults: an upstream error status, a cut stream, a stall, a malformed chunk. */
    public enum Fault {
        NONE,
        ERROR,
        CUT,
        STALL,
        MALFORMED
    }

    public SimulatorScript withHints(Map<String, String> hints) {
        return new SimulatorScript(
                (int) number(hints, "tokens", tokens, MAX_TOKENS),
                number(hints, "latency-ms", latencyMillis, MAX_MILLIS),
                number(hints, "delay-ms", delayMillis, MAX_MILLIS),
                fault(hints.get(HINT_PREFIX + "fault")),
                (int) number(hints, "fault-after", faultAfter, MAX_TOKENS));
    }

    /** The script with a provider's settings ({@code tokens}, {@code latency_ms}, ...) applied. */
    public SimulatorScript withSettings(jakarta.json.JsonObject settings) {
        if (settings.isEmpty()) {
            return this;
        }
        java.util.Map<String, String> asHints = new java.util.HashMap<>();
        for (String name : new String[] {"tokens", "latency_ms", "delay_ms", "fault", "fault_after"}) {
            jakarta.json.JsonValue value = settings.get(name);
            if (value != null && value != jakarta.json.JsonValue.NULL) {
                String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
                asHints.put(HINT_PREFIX + name.replace('_', '-'), text);
            }
        }
        return withHints(asHints);
    }

    public SimulatorScript withFault(Fault newFault) {
        return new SimulatorScript(tokens, latencyMillis, delayMillis, newFault, faultAfter);
    }

    private Fault fault(String value) {
        if (value == null) {
            return fault;
        }
        try {
            return Fault.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    "invalid-simulator-hint",
                    "Unknown simulator fault '" + value + "'; expected one of none, error, cut, stall, malformed");
        }
    }

    private static long number(Map<String, String> hints, String name, long fallback, long max) {
        String value = hints.get(HINT_PREFIX + name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput(
                "invalid-simulator-hint", "Simulator " + name + " must be a whole number from 0 to " + max);
    }
}
