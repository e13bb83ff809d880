package org.switchboard.web.openai;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.web.platform.ChatRequestJson;

/** A validated OpenAI chat completion request (https://platform.openai.com/docs/api-reference/chat/create). */
record ChatCompletionRequest(ChatRequest chat, boolean stream, boolean includeUsage) {
    static ChatCompletionRequest from(JsonObject body, Map<String, String> hints) {
        boolean stream = body.getBoolean("stream", false);
        JsonValue options = body.get("stream_options");
        boolean includeUsage = options instanceof JsonObject o && o.getBoolean("include_usage", false);
        return new ChatCompletionRequest(ChatRequestJson.parse(body, hints), stream, includeUsage);
    }
}
