package org.switchboard.web.chats;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Set;
import org.switchboard.core.chats.boundary.CreateChatRequest;
import org.switchboard.core.chats.boundary.CurrentRequest;
import org.switchboard.core.chats.boundary.RegenerateRequest;
import org.switchboard.core.chats.boundary.RenameRequest;
import org.switchboard.core.chats.boundary.SendRequest;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.web.platform.ChatRequestJson;
import org.switchboard.web.platform.JsonBodies;

/**
 * Reads the chat API's request bodies into core's request records: one JSON object (a clear problem when it is
 * not), string members checked for their JSON type; what the values mean is Bean Validation's, at the boundary.
 * An empty body is an empty object where every member is optional. Unknown members are refused, so a typo
 * ({@code "parentId"}) does not silently change what a send does.
 */
final class ChatBodies {
    private ChatBodies() {}

    static CreateChatRequest create(InputStream body) {
        JsonObject json = read(body, true, "title", "client_id");
        return new CreateChatRequest(string(json, "title"), string(json, "client_id"));
    }

    static SendRequest send(InputStream body) {
        JsonObject json = read(body, false, "parent_id", "content", "model", "client_id");
        return new SendRequest(
                string(json, "parent_id"),
                json.containsKey("parent_id"),
                string(json, "content"),
                string(json, "model"),
                string(json, "client_id"));
    }

    static RegenerateRequest regenerate(InputStream body) {
        return new RegenerateRequest(string(read(body, true, "model"), "model"));
    }

    static RenameRequest rename(InputStream body) {
        return new RenameRequest(string(read(body, false, "title"), "title"));
    }

    static CurrentRequest current(InputStream body) {
        return new CurrentRequest(string(read(body, false, "message_id"), "message_id"));
    }

    private static JsonObject read(InputStream body, boolean emptyIsEmpty, String... members) {
        JsonObject json = emptyIsEmpty ? readOrEmpty(body) : JsonBodies.readObject(body);
        Set<String> known = Set.of(members);
        for (String name : json.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidInput(
                        "invalid-chat-request", "Unknown member '" + name.replaceAll("[^\\x20-\\x7e]", "?") + "'");
            }
        }
        return json;
    }

    /** An empty body is an empty object; anything else must be one JSON object. */
    private static JsonObject readOrEmpty(InputStream body) {
        PushbackInputStream peek = new PushbackInputStream(body, 1);
        int first;
        try {
            first = peek.read();
            if (first >= 0) {
                peek.unread(first);
            }
        } catch (IOException e) {
            throw new InvalidInput("malformed-json", "The request body could not be read");
        }
        return first < 0 ? JsonValue.EMPTY_JSON_OBJECT : JsonBodies.readObject(peek);
    }

    private static String string(JsonObject json, String name) {
        return ChatRequestJson.optionalString(json, name);
    }
}
