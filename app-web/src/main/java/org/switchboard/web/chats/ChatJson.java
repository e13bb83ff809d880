package org.switchboard.web.chats;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.switchboard.core.chats.entity.ChatDetail;
import org.switchboard.core.chats.entity.ChatPage;
import org.switchboard.core.chats.entity.ChatView;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.chats.entity.MessageView;
import org.switchboard.core.chats.entity.Turn;
import org.switchboard.core.platform.JsonP;

/**
 * The JSON of chats and messages (the contract in README "Conversations"): snake_case, ids always strings
 * (JavaScript loses precision above 2^53), times ISO-8601 UTC. A stream URL is the run's SSE endpoint with a
 * ticket, so a browser's plain {@code EventSource} can open and resume it.
 */
final class ChatJson {
    private ChatJson() {}

    static String streamUrl(long runId, String ticket) {
        return "/api/v1/runs/" + runId + "/events?ticket=" + ticket; // the ticket is URL-safe base64 and dots
    }

    static JsonObject of(ChatView chat) {
        return chat(chat).build();
    }

    static JsonObject of(ChatDetail detail) {
        JsonArrayBuilder messages = JsonP.createArrayBuilder();
        detail.messages().forEach(message -> messages.add(message(message)));
        return chat(detail.chat()).add("messages", messages).build();
    }

    static JsonObject of(ChatPage page) {
        JsonArrayBuilder chats = JsonP.createArrayBuilder();
        page.chats().forEach(chat -> chats.add(chat(chat)));
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("chats", chats);
        return nullable(json, "next_before", page.nextBefore()).build();
    }

    static JsonObject of(Turn turn) {
        JsonObjectBuilder user = nullable(
                JsonP.createObjectBuilder().add("id", Long.toString(turn.userMessageId())),
                "client_id",
                turn.userClientId());
        return JsonP.createObjectBuilder()
                .add("chat_id", Long.toString(turn.chatId()))
                .add("user_message", user)
                .add(
                        "assistant_message",
                        JsonP.createObjectBuilder()
                                .add("id", Long.toString(turn.answerId()))
                                .addNull("client_id"))
                .add("run_id", Long.toString(turn.runId()))
                .add("stream_url", streamUrl(turn.runId(), turn.streamTicket()))
                .build();
    }

    private static JsonObjectBuilder chat(ChatView chat) {
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("id", Long.toString(chat.id()));
        nullable(json, "client_id", chat.clientId())
                .add("title", chat.title())
                .add("created_at", chat.createdAt().toString())
                .add("updated_at", chat.updatedAt().toString())
                .add("version", chat.version())
                .add("generating", chat.generating());
        nullable(json, "active_run_id", chat.activeRunId());
        return nullable(json, "current_leaf_id", chat.currentLeafId());
    }

    private static JsonObjectBuilder message(MessageView view) {
        Message message = view.message();
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("id", Long.toString(message.id()));
        nullable(json, "parent_id", message.parentId())
                .add("role", message.role().wireName())
                .add("content", message.content())
                .add("status", message.status().wireName());
        nullable(json, "model", message.model());
        if (message.usage() == null) {
            json.addNull("usage");
        } else {
            json.add(
                    "usage",
                    JsonP.createObjectBuilder()
                            .add("input_tokens", message.usage().inputTokens())
                            .add("output_tokens", message.usage().outputTokens()));
        }
        nullable(json, "run_id", message.runId());
        nullable(json, "client_id", message.clientId())
                .add("created_at", message.createdAt().toString());
        json.add("sibling_ids", ids(view.siblingIds())).add("sibling_index", view.siblingIndex());
        return nullable(
                json,
                "stream_url",
                view.streamTicket() == null ? null : streamUrl(message.runId(), view.streamTicket()));
    }

    private static JsonArrayBuilder ids(List<Long> ids) {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        ids.forEach(id -> array.add(Long.toString(id)));
        return array;
    }

    private static JsonObjectBuilder nullable(JsonObjectBuilder json, String name, Object value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }
}
