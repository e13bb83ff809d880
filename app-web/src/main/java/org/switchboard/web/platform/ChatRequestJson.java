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
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * Reads the chat fields shared by the OpenAI-compatible and the native API (model, messages, max_tokens,
 * temperature, top_p, stop), as OpenAI defines them and with OpenAI's ranges, each refusal naming its field
 * ({@link InvalidField}): https://platform.openai.com/docs/api-reference/chat/create
 *
 * <p>Direct checks on the JSON-P tree rather than Bean Validation on a bound record: this runs on every
 * request of the token path, and binding the body (reflection) only to validate it would cost more than the
 * checks themselves, for no clearer code. The wire shape is documented for OpenAPI by the request records ({@link ChatMessageBody}).
 */
public final class ChatRequestJson {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final int MAX_STOP = 4;

    private ChatRequestJson() {}

    /** The hint carrying an upstream conversation to continue (Dify's {@code conversation_id}). */
    public static final String UPSTREAM_CONVERSATION_HINT = "dify.conversation_id";

    public static ChatRequest parse(JsonObject body, Map<String, String> headerHints) {
        String model = requiredString(body, "model");
        Map<String, String> hints = headerHints;
        JsonValue conversation = body.get("upstream_conversation_id");
        if (!isAbsent(conversation)) {
            if (!(conversation instanceof JsonString id)
                    || id.getString().isBlank()
                    || id.getString().length() > 128) {
                throw new InvalidField(
                        "upstream_conversation_id",
                        "'upstream_conversation_id' must be the id a previous run reported");
            }
            hints = new java.util.HashMap<>(headerHints);
            hints.put(UPSTREAM_CONVERSATION_HINT, id.getString());
        }
        return new ChatRequest(
                model,
                messages(body),
                maxTokens(body, body.containsKey("max_completion_tokens") ? "max_completion_tokens" : "max_tokens"),
                decimal(body, "temperature", 2),
                decimal(body, "top_p", 1),
                stop(body),
                hints);
    }

    /** An optional string member ({@code mode}, {@code callback_url}): absent or null is {@code null}. */
    public static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new InvalidField(name, "'" + name + "' must be a string");
        }
        return text.getString();
    }

    /** An optional boolean member ({@code stream}, {@code include_usage}): absent or null is {@code false}. */
    public static boolean optionalBoolean(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (isAbsent(value)) {
            return false;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new InvalidField(path, "'" + path + "' must be true or false");
        };
    }

    private static List<ChatMessage> messages(JsonObject body) {
        JsonValue value = body.get("messages");
        if (isAbsent(value)) {
            throw new InvalidField(
                    "missing-messages", "messages", "'messages' is required: a non-empty array of messages");
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidField("messages", "'messages' must be a non-empty array of messages");
        }
        List<ChatMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = "messages[" + i + "]";
            if (!(array.get(i) instanceof JsonObject message)) {
                throw new InvalidField(path, path + " must be an object");
            }
            if (!(message.get("role") instanceof JsonString role) || !ROLES.contains(role.getString())) {
                throw new InvalidField(path + ".role", path + ".role must be one of " + ROLES);
            }
            messages.add(new ChatMessage(role.getString(), content(message.get("content"), path + ".content")));
        }
        return messages;
    }

    /** Text content: a string, or an array of parts whose {@code text} parts are joined. */
    private static String content(JsonValue value, String path) {
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
        if (isAbsent(value)) {
            return "";
        }
        throw new InvalidField(path, path + " must be a string or an array");
    }

    public static String requiredString(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString value) || value.getString().isBlank()) {
            throw new InvalidField(name, "'" + name + "' is required and must be a non-empty string");
        }
        return value.getString();
    }

    private static Integer maxTokens(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (isAbsent(value)) {
            return null;
        }
        try {
            if (value instanceof JsonNumber number && number.isIntegral() && number.intValueExact() >= 1) {
                return number.intValue();
            }
        } catch (ArithmeticException e) {
            // larger than an int: reported below
        }
        throw new InvalidField(name, "'" + name + "' must be a whole number from 1 to " + Integer.MAX_VALUE);
    }

    /** A number from 0 to {@code max} (OpenAI: temperature 0-2, top_p 0-1). */
    private static Double decimal(JsonObject body, String name, double max) {
        JsonValue value = body.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            double decimal = number.doubleValue();
            if (decimal >= 0 && decimal <= max) {
                return decimal;
            }
        }
        throw new InvalidField(name, "'" + name + "' must be a number from 0 to " + (int) max);
    }

    /** A string, or an array of up to four strings (OpenAI's limit). */
    private static List<String> stop(JsonObject body) {
        JsonValue value = body.get("stop");
        if (isAbsent(value)) {
            return List.of();
        }
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_STOP) {
            throw new InvalidField("stop", "'stop' must be a string or an array of up to " + MAX_STOP + " strings");
        }
        List<String> stop = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString text)) {
                throw new InvalidField("stop[" + i + "]", "stop[" + i + "] must be a string");
            }
            stop.add(text.getString());
        }
        return stop;
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
