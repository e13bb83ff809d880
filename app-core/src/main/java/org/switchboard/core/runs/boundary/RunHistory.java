package org.switchboard.core.runs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.runs.control.RunStore;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;

/**
 * Runs read by id for features that react to a run inside the application rather than answer a client:
 * webhooks observe {@link org.switchboard.core.runs.entity.RunEnded} and read the ended run here. Nothing is
 * scoped to a caller, so what it reads must never be handed to one; a client's reads go through {@link Runs}.
 */
@ApplicationScoped
public class RunHistory {
    @Inject
    RunStore store;

    public Optional<Run> find(long runId) {
        return Optional.ofNullable(store.find(runId));
    }

    /** Every durable event of the run's log, in seq order. */
    public List<LogEntry> events(long runId) {
        return store.events(runId, 0);
    }
}
