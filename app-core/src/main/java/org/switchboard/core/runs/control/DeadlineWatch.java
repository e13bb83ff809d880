package org.switchboard.core.runs.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks every live run's deadlines four times a second. One sweep for all runs keeps the token path
 * free of timers: a delta only records when it happened.
 */
@ApplicationScoped
public class DeadlineWatch {
    static final long PERIOD_MILLIS = 250;

    @Inject
    org.switchboard.core.platform.ThreadPools pools;

    @Inject
    LiveRuns live;

    private ScheduledFuture<?> sweep;

    synchronized void ensureRunning() {
        if (sweep == null) {
            sweep = pools.timers()
                    .scheduleAtFixedRate(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (LiveRun run : live.all()) {
            try {
                run.checkDeadlines(now);
            } catch (RuntimeException e) {
                // One run's trouble must not stop the sweep for all the others.
                java.util.logging.Logger.getLogger(DeadlineWatch.class.getName())
                        .log(java.util.logging.Level.WARNING, "Deadline check failed for run " + run.id(), e);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
