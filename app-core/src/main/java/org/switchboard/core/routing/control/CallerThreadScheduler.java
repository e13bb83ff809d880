package org.switchboard.core.routing.control;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failsafe's scheduler for routed calls: what is due now runs on the calling thread, what waits (a back-off)
 * waits on the application's timers. Failsafe schedules even the first attempt of an async execution; run on
 * a timer thread it would add a thread hop before every request's first token, and funnel every upstream call's
 * start through the two timer threads.
 */
final class CallerThreadScheduler implements Scheduler {
    private static final Logger LOG = Logger.getLogger(CallerThreadScheduler.class.getName());

    private final ScheduledExecutorService timers;

    CallerThreadScheduler(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        if (delay > 0) {
            return timers.schedule(callable, delay, unit);
        }
        try {
            callable.call();
        } catch (Exception e) { // as a pool would: the task's own future carries its outcome
            LOG.log(Level.FINE, "A routed call's task failed", e);
        }
        return Done.INSTANCE;
    }

    /** A task that already ran. */
    private static final class Done implements ScheduledFuture<Object> {
        static final Done INSTANCE = new Done();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
