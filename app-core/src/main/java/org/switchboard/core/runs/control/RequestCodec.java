package org.switchboard.core.runs.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.OpenAiWire;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * Stores a run's provider-neutral request as JSON, so whichever instance claims the run can execute it: the
 * chat fields in OpenAI's wire form ({@link OpenAiWire#chatFields}, owned by providers) plus the hints.
 */
public final class RequestCodec {
    private RequestCodec() {}

    public static String encode(ChatRequest request) {
        JsonObjectBuilder hints = JsonP.createObjectBuilder();
        request.hints().forEach(hints::add);
        return OpenAiWire.chatFields(request).add("hints", hints).build().toString();
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
