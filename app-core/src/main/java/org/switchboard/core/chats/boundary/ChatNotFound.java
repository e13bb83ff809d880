package org.switchboard.core.chats.boundary;

import org.switchboard.core.platform.NotFound;

/** No such chat, or not the caller's to see (the two look the same); problem type {@code chat-not-found}. */
public class ChatNotFound extends NotFound {
    public ChatNotFound(String id) {
        super("chat-not-found", "No chat '" + id + "'");
    }
}
