package org.switchboard.core.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The runs generating on this instance, by id. A run leaves once its terminal event is durable. */
@ApplicationScoped
public class LiveRuns {
    private final ConcurrentMap<Long, LiveRun> byId = new ConcurrentHashMap<>();

    void add(LiveRun run) {
        byId.put(run.id(), run);
        run.terminal().whenComplete((entry, failure) -> byId.remove(run.id()));
    }

    public Optional<LiveRun> find(long runId) {
        return Optional.ofNullable(byId.get(runId));
    }

    Set<Long> ids() {
        return Set.copyOf(byId.keySet());
    }
}
