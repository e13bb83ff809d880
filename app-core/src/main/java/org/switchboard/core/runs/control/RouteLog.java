package org.switchboard.core.runs.control;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.runs.entity.RouteAttempt;
import org.switchboard.core.runs.entity.RouteAttemptsConverter;

/**
 * The attempts of one run's route as its routed provider reports them (a call starts, fails or serves; a target is
 * passed over), timed from the run's start on this instance. Written per attempt, never per token, and read once,
 * when the run ends ({@link #close}): an attempt still open then ends with the run.
 */
final class RouteLog {
    private final long startNanos = System.nanoTime();
    private final List<Attempt> attempts = new ArrayList<>(2);
    private boolean closed;

    synchronized void started(String target) {
        if (!closed) {
            attempts.add(new Attempt(target, elapsedMillis()));
        }
    }

    /** The open call failed with a problem of {@code type}, with the upstream's HTTP {@code status} (0: none). */
    synchronized void failed(String type, int status) {
        Attempt open = open();
        if (open != null) {
            open.end(type, status > 0 ? status : null, elapsedMillis());
        }
    }

    /** The open call is the one serving the run: it stays open until the run ends. */
    synchronized void served() {
        Attempt open = open();
        if (open != null) {
            open.outcome = RouteAttempt.SERVED;
        }
    }

    synchronized void skipped(String target, String outcome) {
        if (!closed) {
            Attempt passed = new Attempt(target, elapsedMillis());
            passed.end(outcome, null, passed.startedMillis);
            attempts.add(passed);
        }
    }

    /**
     * Ends the log with the run: an open call that served keeps {@code served}, one still waiting for its first
     * token takes {@code endType}, how the run ended. The attempts as stored JSON, or null if there were none.
     */
    synchronized String close(String endType) {
        closed = true;
        if (attempts.isEmpty()) {
            return null;
        }
        long now = elapsedMillis();
        List<RouteAttempt> ended = new ArrayList<>(attempts.size());
        for (Attempt a : attempts) {
            boolean open = a.endedMillis < 0;
            ended.add(new RouteAttempt(
                    a.target,
                    a.outcome != null ? a.outcome : endType,
                    a.status,
                    a.startedMillis,
                    (open ? now : a.endedMillis) - a.startedMillis));
        }
        return RouteAttemptsConverter.json(ended).toString();
    }

    private Attempt open() {
        Attempt last = attempts.isEmpty() || closed ? null : attempts.get(attempts.size() - 1);
        return last != null && last.endedMillis < 0 ? last : null;
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static final class Attempt {
        final String target;
        final long startedMillis;
        String outcome;
        Integer status;
        long endedMillis = -1;

        Attempt(String target, long startedMillis) {
            this.target = target;
            this.startedMillis = startedMillis;
        }

        void end(String endOutcome, Integer endStatus, long atMillis) {
            outcome = endOutcome;
            status = endStatus;
            endedMillis = atMillis;
        }
    }
}
