package org.switchboard.core.chats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.chats.entity.MessageStatus;
import org.switchboard.core.platform.ThreadPools;
import org.switchboard.core.runs.boundary.RunHistory;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunEnded;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.runs.entity.RunView;

/**
 * Writes a run's end into its chat: the answer gets the run's stored output, status and usage, the chat stops
 * generating, and a first completed answer starts the title. Each answer and title run is {@link #watch watched}
 * from its submission, as a client follows it (from memory where it generates here, else from the log), so its
 * terminal event, however the run ends (done, error, cancel, deadline), writes the end at once. A run whose
 * watcher died with its instance is ended by the lease reaper, which announces it with {@link RunEnded}; and
 * {@link ChatSweeper} finds any chat still holding an ended run. Writing an end twice changes nothing.
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

    @Inject
    Runs follow;

    @Inject
    ThreadPools pools;

    /** Writes the run's end once its terminal event is durable; the watcher hands that write off its thread. */
    public void watch(RunView run) {
        long runId = run.id();
        follow.followSubmitted(run, entry -> {
            if (entry.type().isTerminal()) {
                pools.io().execute(() -> endQuietly(runId)); // a subscriber runs on the log writer's thread
            }
        });
    }

    /** Runs announce the ends a watcher may have missed: the lease reaper's, a queued run's cancel. */
    void runEnded(@ObservesAsync RunEnded ended) {
        try {
            if (turns.concerns(ended.runId())) {
                end(ended.runId());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the end of run " + ended.runId() + " into its chat", e);
        }
    }

    private void endQuietly(long runId) {
        try {
            end(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the end of run " + runId + " into its chat; the sweeper will", e);
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
                .flatMap(titles::generate)
                .ifPresent(this::watch);
        if (run.status() == RunStatus.COMPLETED) {
            Titles.titleOf(output).ifPresent(title -> turns.title(runId, title));
        }
    }
}
