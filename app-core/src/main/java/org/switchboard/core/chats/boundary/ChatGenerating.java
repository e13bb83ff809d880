package org.switchboard.core.chats.boundary;

import org.switchboard.core.platform.Conflict;

/**
 * The chat is answering already: one generation per chat (seed 003: a chat is one task). The problem names the
 * active run ({@code active_run_id}) so a client can follow it instead; problem type {@code chat-generating}.
 */
public class ChatGenerating extends Conflict {
    private final Long activeRunId;

    public ChatGenerating(Long activeRunId) {
        super(
                "chat-generating",
                "The chat is generating an answer (run " + activeRunId + "); wait for it to end or stop it");
        this.activeRunId = activeRunId;
    }

    /** Null only if the run ended in the moment between the refusal and this read. */
    public Long activeRunId() {
        return activeRunId;
    }
}
