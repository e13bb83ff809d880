package org.switchboard.core.providers.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * Our request in OpenAI's chat completions wire format
 * (https://platform.openai.com/docs/api-reference/chat/create): always streamed, with usage.
 */
public final class OpenAiWire {
    private OpenAiWire() {}

    static String request(ChatRequest request, String upstreamModel) {
        return chatFields(request)
                .add("model", upstreamModel)
                .add("stream", true)
                .add("stream_options", JsonP.createObjectBuilder().add("include_usage", true))
                .build()
                .toString();
    }

    /**
     * The request's chat fields under OpenAI's names (model, messages, stop, max_tokens, temperature, top_p):
     * the body the OpenAI-compatible adapter sends upstream, and the form in which runs stores a request.
     */
    public static JsonObjectBuilder chatFields(ChatRequest request) {
        JsonArrayBuilder messages = JsonP.createArrayBuilder();
        request.messages()
                .forEach(m -> messages.add(
                        JsonP.createObjectBuilder().add("role", m.role()).add("content", m.content())));
        JsonObjectBuilder json =
                JsonP.createObjectBuilder().add("model", request.model()).add("messages", messages);
        if (!request.stop().isEmpty()) {
            JsonArrayBuilder stop = JsonP.createArrayBuilder();
            request.stop().forEach(stop::add);
            json.add("stop", stop);
        }
        if (request.maxTokens() != null) {
            json.add("max_tokens", request.maxTokens());
        }
        if (request.temperature() != null) {
            json.add("temperature", request.temperature());
        }
        if (request.topP() != null) {
            json.add("top_p", request.topP());
        }
        return json;
    }
}
