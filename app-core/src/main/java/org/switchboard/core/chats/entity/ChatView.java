package org.switchboard.core.chats.entity;

import java.time.Instant;

/** A chat as its owner sees it; {@code generating} while {@code activeRunId} is set. */
public record ChatView(
        long id,
        String clientId,
        String title,
        Instant createdAt,
        Instant updatedAt,
        int version,
        Long activeRunId,
        Long currentLeafId) {

    public static ChatView of(Chat chat) {
        return new ChatView(
                chat.id(),
                chat.clientId(),
                chat.title(),
                chat.createdAt(),
                chat.updatedAt(),
                chat.version(),
                chat.activeRunId(),
                chat.currentLeafId());
    }

    public boolean generating() {
        return activeRunId != null;
    }
}
