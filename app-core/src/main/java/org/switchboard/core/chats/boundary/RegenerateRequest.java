package org.switchboard.core.chats.boundary;

import jakarta.validation.constraints.Size;
import org.switchboard.core.platform.ViolationType;

/** Regenerate an answer, with another model alias or (null) the one it was generated with. */
@ViolationType("invalid-chat-request")
public record RegenerateRequest(@Size(min = 1, max = 128) String model) {}
