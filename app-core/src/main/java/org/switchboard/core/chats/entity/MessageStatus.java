package org.switchboard.core.chats.entity;

import java.util.Locale;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * Where a message stands: a user message is {@code completed} when stored; an assistant message is
 * {@code generating} while its run is live, then takes the run's end.
 */
public enum MessageStatus {
    GENERATING,
    COMPLETED,
    INCOMPLETE,
    CANCELLED,
    FAILED;

    /** The terminal status of an answer whose run ended {@code status}. */
    public static MessageStatus endOf(RunStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
            default -> INCOMPLETE; // incomplete, or expired before anyone wrote its end here
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
