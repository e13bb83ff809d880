package org.switchboard.core.chats.entity;

import java.util.List;

/** One page of chats, newest first; {@code nextBefore} is the cursor of the next page, null after the last. */
public record ChatPage(List<ChatView> chats, Long nextBefore) {
    public ChatPage {
        chats = List.copyOf(chats);
    }
}
