package org.switchboard.core.chats.boundary;

import org.switchboard.core.platform.NotFound;

/** No such message in this chat; problem type {@code message-not-found}. */
public class MessageNotFound extends NotFound {
    public MessageNotFound(String id) {
        super("message-not-found", "No message '" + id + "' in this chat");
    }
}
