package org.switchboard.core.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;

/**
 * The application's periodic ticks (lease renewal and reaping, sweeps, retries, retention), on the container's
 * {@link ManagedScheduledExecutorService}, which runs them with the application's context. Not EJB timers: using the
 * EJB timer service at all, even for non-persistent timers, makes Payara start its embedded H2 timer database,
 * whose writer, lock watchdog and TCP server cost CPU every second while the server is idle (issue 17).
 *
 * <p>A tick never overlaps itself (the next is scheduled after the last one ended), and a tick that throws does
 * not end its schedule: what escapes it is logged in one line. Callers hand in a tick that calls their EJB through
 * its business proxy, so its transaction attribute and locks apply as they did to the timeout method.
 *
 * <p>As the application stops ({@link ApplicationStopping}, while the datasource still works, or at the latest when
 * this bean goes away) no tick starts any more, and a tick in progress is given {@link #STOP_GRACE} to end. A tick
 * that fails while the application stops is not logged: what failed is the application going away.
 */
@ApplicationScoped
public class Ticker {
    private static final Logger LOG = Logger.getLogger(Ticker.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<ScheduledFuture<?>> scheduled = ConcurrentHashMap.newKeySet();
    /** Ticks hold it shared while they run; stopping takes it exclusively, to wait for the one in progress. */
    private final ReadWriteLock running = new ReentrantReadWriteLock();

    private volatile boolean stopping;

    /** Runs {@code tick} every {@code period}, counted from the end of the previous tick, the first after one. */
    public ScheduledFuture<?> every(String name, Duration period, Runnable tick) {
        long millis = period.toMillis();
        return track(scheduler.scheduleWithFixedDelay(guard(name, tick), millis, millis, TimeUnit.MILLISECONDS));
    }

    /**
     * Runs {@code tick} at the times of a cron expression with seconds ({@code "15 * * * * *"}: second 15 of every
     * minute) in the server's time zone; the next time is the first one after the previous tick ended.
     */
    public ScheduledFuture<?> at(String name, String cron, Runnable tick) {
        return track(scheduler.schedule(guard(name, tick), new CronTrigger(cron, ZoneId.systemDefault())));
    }

    private ScheduledFuture<?> track(ScheduledFuture<?> future) {
        scheduled.add(future);
        return future;
    }

    private Runnable guard(String name, Runnable tick) {
        return () -> {
            if (stopping || !running.readLock().tryLock()) {
                return;
            }
            try {
                if (!stopping) {
                    tick.run();
                }
            } catch (RuntimeException | Error e) { // an exception would end a periodic schedule
                if (!stopping) {
                    LOG.warning(() -> name + " failed; it runs again at the next tick: " + e);
                }
            } finally {
                running.readLock().unlock();
            }
        };
    }

    /** The application is stopping and its datasource still works: no tick starts now, the one running ends. */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ApplicationStopping applicationStopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        scheduled.forEach(future -> future.cancel(false));
        try {
            if (running.writeLock().tryLock(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                running.writeLock().unlock();
            } else {
                LOG.info(() -> "Stopping: a tick still runs after " + STOP_GRACE + "; it ends with the application");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
