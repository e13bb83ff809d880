package org.switchboard.core.chats.entity;

import java.util.Locale;

/** Who wrote a message. Stored and serialised in lower case. */
public enum MessageRole {
    USER,
    ASSISTANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
