package org.switchboard.web.platform;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.core.providers.entity.SimulatorHints;

/**
 * The documented request headers that script the simulator provider: {@code X-Simulator-Tokens},
 * {@code X-Simulator-Delay-Ms}, {@code X-Simulator-Latency-Ms}, {@code X-Simulator-Fault}
 * ({@code error|cut|stall|malformed}), {@code X-Simulator-Fault-After} and {@code X-Simulator-Echo} ({@code true}: the reply is the prompt received).
 * Other providers ignore them.
 */
public final class SimulatorHeaders {
    private static final String[] NAMES = {"tokens", "delay-ms", "latency-ms", "fault", "fault-after", "echo"};

    private SimulatorHeaders() {}

    public static Map<String, String> hints(HttpHeaders headers) {
        Map<String, String> hints = new HashMap<>();
        for (String name : NAMES) {
            String value = headers.getHeaderString("X-Simulator-" + name);
            if (value != null) {
                hints.put(SimulatorHints.PREFIX + name, value);
            }
        }
        return hints;
    }
}
