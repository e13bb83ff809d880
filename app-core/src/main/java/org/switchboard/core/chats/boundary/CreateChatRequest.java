package org.switchboard.core.chats.boundary;

import jakarta.validation.constraints.Size;
import org.switchboard.core.platform.ViolationType;

/** {@code POST /api/v1/chats}: an optional title (else the default, until one is generated) and local id. */
@ViolationType("invalid-chat-request")
public record CreateChatRequest(@Size(max = 200) String title, @ClientId String clientId) {}
