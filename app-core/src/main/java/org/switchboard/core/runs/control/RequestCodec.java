package org.switchboard.core.runs.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/** Stores a run's provider-neutral request as JSON, so whichever instance claims the run can execute it. */
public final class RequestCodec {
    private RequestCodec() {}

    public static String encode(ChatRequest request) {
        JsonObjectBuilder hints = JsonP.createObjectBuilder();
        request.hints().forEach(hints::add);
        return chatFields(request).add("hints", hints).build().toString();
    }

    /**
     * The request's chat fields under OpenAI's names (model, messages, stop, max_tokens, temperature, top_p):
     * the stored form of a run's request, and the body the OpenAI-compatible adapter sends upstream.
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

    public static ChatRequest decode(String text) {
        JsonObject json = JsonP.parseObject(text);
        Map<String, String> hints = new HashMap<>();
        json.getJsonObject("hints").forEach((name, value) -> hints.put(name, ((JsonString) value).getString()));
        return new ChatRequest(
                json.getString("model"),
                json.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                        .map(m -> new ChatMessage(m.getString("role"), m.getString("content")))
                        .toList(),
                json.containsKey("max_tokens") ? json.getInt("max_tokens") : null,
                decimal(json, "temperature"),
                decimal(json, "top_p"),
                json.containsKey("stop")
                        ? json.getJsonArray("stop").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList()
                        : List.of(),
                hints);
    }

    private static Double decimal(JsonObject json, String name) {
        return json.get(name) instanceof JsonNumber number ? number.doubleValue() : null;
    }
}
