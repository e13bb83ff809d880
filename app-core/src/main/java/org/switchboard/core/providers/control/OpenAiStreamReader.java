package org.switchboard.core.providers.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * Reads an OpenAI streaming response ({@code data: <chunk>} events, {@code data: [DONE]}) into normalized
 * callbacks: {@code choices[0].delta.content} as deltas, the {@code usage} chunk as usage, an {@code error}
 * object as a failure. A stream that ends without {@code [DONE]} is a cut, never a success.
 */
final class OpenAiStreamReader extends SseExchange {
    OpenAiStreamReader(GenerationListener listener) {
        super(listener);
    }

    @Override
    protected void onEvent(String event, String data) {
        if (data.equals("[DONE]")) {
            complete();
            return;
        }
        JsonObject chunk = JsonP.parseObject(data);
        if (chunk.get("error") instanceof JsonObject error) {
            fail(new ProviderFailure(
                    "upstream-error", error.getString("message", "The upstream reported an error"), 0));
            return;
        }
        if (chunk.get("choices") instanceof JsonArray choices
                && !choices.isEmpty()
                && choices.getJsonObject(0).get("delta") instanceof JsonObject delta
                && delta.get("content") instanceof JsonString content) {
            delta(content.getString());
        }
        if (chunk.get("usage") instanceof JsonObject usage
                && usage.get("prompt_tokens") != null
                && usage.get("prompt_tokens").getValueType() == JsonValue.ValueType.NUMBER) {
            usage(new Usage(usage.getInt("prompt_tokens"), usage.getInt("completion_tokens", 0), false));
        }
    }
}
