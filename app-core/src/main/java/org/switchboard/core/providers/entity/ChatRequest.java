package org.switchboard.core.providers.entity;

import java.util.List;
import java.util.Map;

/**
 * A provider-neutral chat request. {@code hints} carries per-request knobs for a provider that
 * understands them (the simulator's script, for instance); other providers ignore them.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Integer maxTokens,
        Double temperature,
        Double topP,
        List<String> stop,
        Map<String, String> hints) {

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        hints = hints == null ? Map.of() : Map.copyOf(hints);
    }
}
