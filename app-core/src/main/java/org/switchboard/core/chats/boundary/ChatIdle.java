package org.switchboard.core.chats.boundary;

import org.switchboard.core.platform.Conflict;

/** Stop was asked of a chat that is not generating; problem type {@code chat-not-generating}. */
public class ChatIdle extends Conflict {
    public ChatIdle(String chatId) {
        super("chat-not-generating", "Chat '" + chatId + "' is not generating an answer");
    }
}
