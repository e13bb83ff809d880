package org.switchboard.core.chats.control;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.chats.entity.MessageRole;
import org.switchboard.core.providers.entity.ChatMessage;

/**
 * The context a provider receives for an answer (SPEC §3): the alias's system prompt, then the branch from the
 * root to the message answered, trimmed to the model's context window by token count. Trimming drops the oldest
 * turns first and never the system prompt or the newest message. Tokens are counted with jtokkit's
 * {@code cl100k_base} plus OpenAI's documented 3 tokens of overhead per message: other models tokenize
 * differently, so the window is a budget, not an exact limit of every provider.
 */
public final class ContextWindow {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    static final int TOKENS_PER_MESSAGE = 3;

    private ContextWindow() {}

    /** Counts a message as it weighs in the window. */
    public static int tokens(ChatMessage message) {
        return TOKENS_PER_MESSAGE + ENCODING.countTokens(message.content());
    }

    /**
     * @param systemPrompt the alias's system prompt, or null for none
     * @param branch root first, ending with the message to answer; answers with no text (failed, still empty)
     *     are left out
     * @param window the most tokens the whole context may take
     */
    public static List<ChatMessage> of(String systemPrompt, List<Message> branch, int window) {
        ChatMessage system =
                systemPrompt == null || systemPrompt.isBlank() ? null : new ChatMessage("system", systemPrompt);
        int budget = window - (system == null ? 0 : tokens(system));
        Deque<ChatMessage> kept = new ArrayDeque<>();
        for (int i = branch.size() - 1; i >= 0; i--) {
            Message message = branch.get(i);
            if (message.content().isEmpty()) {
                continue;
            }
            ChatMessage turn =
                    new ChatMessage(message.role() == MessageRole.USER ? "user" : "assistant", message.content());
            int cost = tokens(turn);
            if (cost > budget && !kept.isEmpty()) {
                break; // the newest turns are kept; everything older than the first that does not fit goes
            }
            kept.addFirst(turn);
            budget -= cost;
        }
        if (system != null) {
            kept.addFirst(system);
        }
        return List.copyOf(kept);
    }
}
