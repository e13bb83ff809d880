package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.metrics.boundary.RunMetrics;

/**
 * The runs generating on this instance, by id. A run leaves once its terminal event is durable. Followers
 * of a run that has not started here yet can ask to be told the moment it does, so attaching to a run just
 * submitted costs no polling delay.
 */
@jakarta.enterprise.context.ApplicationScoped
public class LiveRuns {
    private final ConcurrentMap<Long, LiveRun> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, List<Runnable>> arrivals = new ConcurrentHashMap<>();

    @Inject
    RunMetrics metrics;

    @PostConstruct
    void publishCount() {
        metrics.activeRuns(byId::size);
    }

    void add(LiveRun run) {
        byId.put(run.id(), run);
        run.terminal().whenComplete((entry, failure) -> byId.remove(run.id()));
        List<Runnable> waiting = arrivals.remove(run.id());
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    public Optional<LiveRun> find(long runId) {
        return Optional.ofNullable(byId.get(runId));
    }

    /** Runs {@code action} once the run starts on this instance (at once if it already has). */
    void onArrival(long runId, Runnable action) {
        arrivals.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(action);
        if (byId.containsKey(runId)) {
            List<Runnable> waiting = arrivals.remove(runId);
            if (waiting != null) {
                waiting.forEach(Runnable::run);
            }
        }
    }

    /** Forgets an arrival action that is no longer wanted (its follower ended or left). */
    void forget(long runId, Runnable action) {
        arrivals.computeIfPresent(runId, (id, waiting) -> {
            waiting.remove(action);
            return waiting.isEmpty() ? null : waiting;
        });
    }

    /** How many runs are generating here now. */
    int count() {
        return byId.size();
    }

    Set<Long> ids() {
        return Set.copyOf(byId.keySet());
    }

    Collection<LiveRun> all() {
        return byId.values();
    }
}
