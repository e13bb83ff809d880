package org.switchboard.core.chats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.chats.entity.MessageStatus;
import org.switchboard.core.runs.boundary.RunHistory;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunEnded;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * Writes a run's end into its chat: the answer gets the run's stored output, status and usage, the chat stops
 * generating, and a first completed answer starts the title. A run ends however it ends (done, error, cancel,
 * deadline, an expired lease after a crash, an orderly stop), and runs announce every end with {@link RunEnded};
 * should that announcement be lost with its instance, {@link ChatSweeper} finds the chat still holding an ended
 * run. Writing an end twice changes nothing.
 */
@ApplicationScoped
public class ChatEndings {
    private static final Logger LOG = Logger.getLogger(ChatEndings.class.getName());

    @Inject
    RunHistory runs;

    @Inject
    TurnStore turns;

    @Inject
    Titles titles;

    void runEnded(@ObservesAsync RunEnded ended) {
        try {
            if (turns.concerns(ended.runId())) {
                end(ended.runId());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the end of run " + ended.runId() + " into its chat", e);
        }
    }

    /** Writes the end of run {@code runId} if it has ended; a no-op otherwise or when written already. */
    public void end(long runId) {
        Run run = runs.find(runId).orElse(null);
        if (run == null || !run.status().isTerminal()) {
            return;
        }
        String output = LogEntry.outputOf(runs.events(runId));
        turns.finish(runId, MessageStatus.endOf(run.status()), output, run.usage())
                .ifPresent(titles::generate);
        if (run.status() == RunStatus.COMPLETED) {
            Titles.titleOf(output).ifPresent(title -> turns.title(runId, title));
        }
    }
}
