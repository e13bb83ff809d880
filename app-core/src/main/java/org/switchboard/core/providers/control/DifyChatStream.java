package org.switchboard.core.providers.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.switchboard.core.providers.entity.Usage;

/** {@code /chat-messages}: {@code message}/{@code agent_message} answers, then {@code message_end}. */
final class DifyChatStream extends DifyStream {
    private boolean conversationReported;

    DifyChatStream(GenerationListener listener) {
        super(listener);
    }

    @Override
    void handle(String event, JsonObject json) {
        if (!conversationReported
                && json.get("conversation_id") instanceof JsonString id
                && !id.getString().isEmpty()) {
            conversationReported = true;
            conversation(id.getString());
        }
        switch (event) {
            case "message", "agent_message" -> text(json.getString("answer"));
            case "message_replace" -> replace(json.getString("answer"));
            case "message_end" -> end(json);
            case "error" -> error(json);
            default -> {} // ping, agent_thought, message_file, tts_*, workflow_* and node_* of chatflows
        }
    }

    private void end(JsonObject json) {
        finished();
        if (json.get("metadata") instanceof JsonObject metadata
                && metadata.get("usage") instanceof JsonObject usage
                && usage.get("prompt_tokens") instanceof JsonNumber prompt) {
            usage(new Usage(prompt.intValue(), usage.getInt("completion_tokens", 0), false));
        }
        complete();
    }
}
