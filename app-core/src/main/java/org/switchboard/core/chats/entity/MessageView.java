package org.switchboard.core.chats.entity;

import java.util.List;

/**
 * One message on the chat's active branch, with what a client needs to switch branches there: the ids of every
 * child of its parent (oldest first, itself included) and its position among them. {@code streamTicket} is set
 * only for an answer whose run is still generating.
 */
public record MessageView(Message message, List<Long> siblingIds, int siblingIndex, String streamTicket) {
    public MessageView {
        siblingIds = List.copyOf(siblingIds);
    }
}
