package org.switchboard.core.providers.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * Our request in OpenAI's chat completions wire format
 * (https://platform.openai.com/docs/api-reference/chat/create): always streamed, with usage.
 */
final class OpenAiWire {
    private OpenAiWire() {}

    static String request(ChatRequest request) {
        JsonArrayBuilder messages = JsonP.createArrayBuilder();
        request.messages()
                .forEach(m -> messages.add(
                        JsonP.createObjectBuilder().add("role", m.role()).add("content", m.content())));
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("model", request.model())
                .add("messages", messages)
                .add("stream", true)
                .add("stream_options", JsonP.createObjectBuilder().add("include_usage", true));
        if (request.maxTokens() != null) {
            json.add("max_tokens", request.maxTokens());
        }
        if (request.temperature() != null) {
            json.add("temperature", request.temperature());
        }
        if (request.topP() != null) {
            json.add("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            JsonArrayBuilder stop = JsonP.createArrayBuilder();
            request.stop().forEach(stop::add);
            json.add("stop", stop);
        }
        return json.build().toString();
    }
}
