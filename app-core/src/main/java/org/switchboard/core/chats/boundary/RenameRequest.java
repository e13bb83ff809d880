package org.switchboard.core.chats.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.switchboard.core.platform.ViolationType;

/** {@code PATCH /api/v1/chats/{id}}: the chat's new title. */
@ViolationType("invalid-chat-request")
public record RenameRequest(@NotBlank @Size(max = 200) String title) {}
