package org.switchboard.core.chats.boundary;

import jakarta.validation.constraints.NotNull;
import org.switchboard.core.platform.ViolationType;

/** {@code PUT /api/v1/chats/{id}/current}: a message whose branch becomes current (followed down to a leaf). */
@ViolationType("invalid-chat-request")
public record CurrentRequest(@NotNull @MessageId String messageId) {}
