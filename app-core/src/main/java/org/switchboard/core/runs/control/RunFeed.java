package org.switchboard.core.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RunSubscriber;
import org.switchboard.core.runs.entity.RunSubscription;

/**
 * Follows one run from a cursor: every event after it, in seq order, once, ending with the terminal one.
 * When the run generates on this instance the events come from memory, pushed as they become durable;
 * otherwise (queued, generating on another instance, or long finished) they are read from the log, polling
 * until the run shows up here or ends. That polling is the cross-instance fallback until a data-grid topic
 * carries live events between instances.
 */
@ApplicationScoped
public class RunFeed {
    private static final Logger LOG = Logger.getLogger(RunFeed.class.getName());
    static final long POLL_MILLIS = 100;

    @Inject
    LiveRuns live;

    @Inject
    RunStore store;

    @Inject
    org.switchboard.core.platform.ThreadPools pools;

    public RunSubscription follow(long runId, int afterSeq, RunSubscriber subscriber) {
        Follower follower = new Follower(runId, afterSeq, subscriber);
        follower.step(true);
        return follower;
    }

    /**
     * Follows a run just submitted from the start. It has no events yet, so the first look skips the log:
     * the run is usually claimed here within milliseconds and attaches in memory on arrival; the polling
     * fallback reads the log as for any other run.
     */
    public RunSubscription followNew(long runId, RunSubscriber subscriber) {
        Follower follower = new Follower(runId, 0, subscriber);
        follower.step(false);
        return follower;
    }

    private final class Follower implements RunSubscription {
        private final long runId;
        private final RunSubscriber subscriber;
        private final Runnable onArrival = () -> step(true);
        private int cursor;
        private boolean ended;
        private boolean attached;
        private boolean waiting;
        private volatile boolean closed;
        private volatile RunSubscription memory;

        Follower(long runId, int afterSeq, RunSubscriber subscriber) {
            this.runId = runId;
            this.cursor = afterSeq;
            this.subscriber = subscriber;
        }

        /** Attaches to the run in memory if it generates here; otherwise reads the log and looks again soon. */
        void step(boolean readLog) {
            if (closed || isAttached()) {
                return;
            }
            try {
                var liveRun = live.find(runId);
                if (liveRun.isPresent()) {
                    attach(liveRun.get());
                    return;
                }
                if (startWaiting()) {
                    live.onArrival(runId, onArrival);
                }
                if (readLog) {
                    for (LogEntry entry : store.events(runId, cursor())) {
                        deliver(entry);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Following run " + runId + " failed; retrying", e);
            }
            if (isEnded() || closed) {
                live.forget(runId, onArrival);
            } else if (!isAttached()) {
                // the timer only ticks; the log is read on an I/O thread, never delaying the timers' token work
                pools.timers().schedule(() -> pools.io().execute(onArrival), POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void attach(LiveRun run) {
            synchronized (this) {
                if (attached) {
                    return;
                }
                attached = true;
            }
            live.forget(runId, onArrival);
            memory = run.subscribe(cursor(), this::deliver);
            if (closed) {
                memory.close();
            }
        }

        private synchronized boolean startWaiting() {
            boolean first = !waiting;
            waiting = true;
            return first;
        }

        private synchronized boolean isAttached() {
            return attached;
        }

        private synchronized int cursor() {
            return cursor;
        }

        private synchronized boolean isEnded() {
            return ended;
        }

        private synchronized void deliver(LogEntry entry) {
            if (closed || ended || entry.seq() <= cursor) {
                return;
            }
            cursor = entry.seq();
            ended = entry.type().isTerminal();
            subscriber.onEvent(entry);
        }

        @Override
        public void close() {
            closed = true;
            live.forget(runId, onArrival);
            RunSubscription current = memory;
            if (current != null) {
                current.close();
            }
        }
    }
}
