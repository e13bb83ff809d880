package org.switchboard.web.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * Reads the chat fields shared by the OpenAI-compatible and the native API (model, messages, max_tokens,
 * temperature, top_p, stop), as OpenAI defines them: https://platform.openai.com/docs/api-reference/chat/create
 */
public final class ChatRequestJson {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private ChatRequestJson() {}

    /** The hint carrying an upstream conversation to continue (Dify's {@code conversation_id}). */
    public static final String UPSTREAM_CONVERSATION_HINT = "dify.conversation_id";

    public static ChatRequest parse(JsonObject body, Map<String, String> headerHints) {
        String model = requiredString(body, "model");
        Map<String, String> hints = headerHints;
        JsonValue conversation = body.get("upstream_conversation_id");
        if (conversation != null && conversation != JsonValue.NULL) {
            if (!(conversation instanceof JsonString id)
                    || id.getString().isBlank()
                    || id.getString().length() > 128) {
                throw new InvalidInput(
                        "invalid-request", "'upstream_conversation_id' must be the id a previous run reported");
            }
            hints = new java.util.HashMap<>(headerHints);
            hints.put(UPSTREAM_CONVERSATION_HINT, id.getString());
        }
        return new ChatRequest(
                model,
                messages(body),
                integer(body, body.containsKey("max_completion_tokens") ? "max_completion_tokens" : "max_tokens"),
                decimal(body, "temperature"),
                decimal(body, "top_p"),
                stop(body),
                hints);
    }

    private static List<ChatMessage> messages(JsonObject body) {
        JsonValue value = body.get("messages");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidInput("missing-messages", "'messages' is required: a non-empty array of messages");
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidInput("invalid-request", "'messages' must be a non-empty array of messages");
        }
        List<ChatMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject message)) {
                throw new InvalidInput("invalid-request", "messages[" + i + "] must be an object");
            }
            String role = requiredString(message, "role");
            if (!ROLES.contains(role)) {
                throw new InvalidInput("invalid-request", "messages[" + i + "].role must be one of " + ROLES);
            }
            messages.add(new ChatMessage(role, content(message.get("content"), i)));
        }
        return messages;
    }

    /** Text content: a string, or an array of parts whose {@code text} parts are joined. */
    private static String content(JsonValue value, int index) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (JsonValue part : parts) {
                if (part instanceof JsonObject p && p.get("text") instanceof JsonString t) {
                    text.append(t.getString());
                }
            }
            return text.toString();
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        throw new InvalidInput("invalid-request", "messages[" + index + "].content must be a string or an array");
    }

    public static String requiredString(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString value) || value.getString().isBlank()) {
            throw new InvalidInput("invalid-request", "'" + name + "' is required and must be a non-empty string");
        }
        return value.getString();
    }

    private static Integer integer(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 1) {
            throw new InvalidInput("invalid-request", "'" + name + "' must be a positive integer");
        }
        return number.intValue();
    }

    private static Double decimal(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidInput("invalid-request", "'" + name + "' must be a number");
        }
        return number.doubleValue();
    }

    private static List<String> stop(JsonObject body) {
        JsonValue value = body.get("stop");
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (value instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
        return List.of();
    }
}
