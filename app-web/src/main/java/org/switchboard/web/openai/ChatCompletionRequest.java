package org.switchboard.web.openai;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.web.platform.ChatRequestJson;
import org.switchboard.web.platform.InvalidField;

/** A validated OpenAI chat completion request (https://platform.openai.com/docs/api-reference/chat/create). */
record ChatCompletionRequest(ChatRequest chat, boolean stream, boolean includeUsage) {
    static ChatCompletionRequest from(JsonObject body, Map<String, String> hints) {
        boolean stream = ChatRequestJson.optionalBoolean(body, "stream", "stream");
        JsonValue options = body.get("stream_options");
        boolean includeUsage = false;
        if (options instanceof JsonObject o) {
            includeUsage = ChatRequestJson.optionalBoolean(o, "include_usage", "stream_options.include_usage");
        } else if (options != null && options.getValueType() != JsonValue.ValueType.NULL) {
            throw new InvalidField("stream_options", "'stream_options' must be an object");
        }
        return new ChatCompletionRequest(ChatRequestJson.parse(body, hints), stream, includeUsage);
    }
}
