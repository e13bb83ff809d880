package org.switchboard.core.chats.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.switchboard.core.platform.ViolationType;

/**
 * A user message to send. {@code parentGiven} false: it goes under the chat's current leaf; true: under
 * {@code parentId} (an answer, or null for the root), which makes it a sibling of that parent's other children
 * (an edit). {@code clientId} makes the send safe to repeat.
 */
@ViolationType("invalid-chat-request")
public record SendRequest(
        @MessageId String parentId,
        boolean parentGiven,
        @NotBlank @Size(max = 100_000) String content,
        @NotBlank @Size(max = 128) String model,
        @ClientId String clientId) {}
