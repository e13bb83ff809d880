package org.switchboard.core.chats.entity;

import java.util.List;

/** A chat and its active branch, root to current leaf. */
public record ChatDetail(ChatView chat, List<MessageView> messages) {
    public ChatDetail {
        messages = List.copyOf(messages);
    }
}
