package org.switchboard.core.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The application's periodic ticks (lease renewal and reaping, sweeps, retries, retention), on the container's
 * {@link ManagedScheduledExecutorService}, which runs them with the application's context. Not EJB timers: using the
 * EJB timer service at all, even for non-persistent timers, makes Payara start its embedded H2 timer database,
 * whose writer, lock watchdog and TCP server cost CPU every second while the server is idle (issue 17).
 *
 * <p>A tick never overlaps itself (the next is scheduled after the last one ended), and a tick that throws does
 * not end its schedule: what escapes it is logged in one line. Ticks start once the schema is there
 * ({@link SchemaReady}), as the timers did once the application had started: before, they would only fail on
 * missing tables. Callers hand in a tick that calls their EJB through
 * its business proxy, so its transaction attribute and locks apply as they did to the timeout method.
 *
 * <p>The executor is the application's own, with a thread per schedule: the server's default one has a single
 * thread, on which a webhook retry waiting on a slow endpoint or a long purge would hold up the lease renewal (a
 * lease of 30 s renewed every 5 s) and get live runs reaped. Idle, its threads wait without a timeout but the one
 * holding the next tick; that costs nothing.
 *
 * <p>As the application stops (this singleton goes before {@link Database}, so while the datasource still works) no
 * tick starts any more, and a tick in progress is given {@link #STOP_GRACE} to end. A tick that fails while the
 * application stops is not logged: what failed is the application going away.
 */
@ManagedScheduledExecutorDefinition(name = Ticker.EXECUTOR, maxAsync = Ticker.THREADS)
@Singleton
@Startup
@DependsOn("Database") // so it stops before the datasource goes
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each tick's own bean decides
public class Ticker {
    static final String EXECUTOR = "java:app/concurrent/switchboard-ticks";
    /** One per periodic schedule: lease renewal, queue sweep, lease reaper, webhook retries, chat sweep, purge. */
    static final int THREADS = 6;

    private static final Logger LOG = Logger.getLogger(Ticker.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService scheduler;

    private final Set<ScheduledFuture<?>> scheduled = ConcurrentHashMap.newKeySet();
    /** Ticks hold it shared while they run; stopping takes it exclusively, to wait for the one in progress. */
    private final ReadWriteLock running = new ReentrantReadWriteLock();

    private volatile boolean schemaReady;
    private volatile boolean stopping;

    /** Runs {@code tick} every {@code period}, counted from the end of the previous tick, the first after one. */
    public ScheduledFuture<?> every(String name, Duration period, Runnable tick) {
        return fixedDelay(period, guard(name, tick, true));
    }

    /**
     * Runs {@code attempt} every {@code period} until it returns {@code true}. Unlike the other ticks it runs before
     * the schema is there: it is how the schema gets there.
     */
    public ScheduledFuture<?> retry(String name, Duration period, BooleanSupplier attempt) {
        var schedule = new AtomicReference<ScheduledFuture<?>>();
        Runnable tick = () -> {
            if (attempt.getAsBoolean() && schedule.get() != null) {
                schedule.get().cancel(false);
            }
        };
        schedule.set(fixedDelay(period, guard(name, tick, false)));
        return schedule.get();
    }

    /**
     * Runs {@code tick} at the times of a cron expression with seconds ({@code "15 * * * * *"}: second 15 of every
     * minute) in the server's time zone; the next time is the first one after the previous tick ended.
     */
    public ScheduledFuture<?> at(String name, String cron, Runnable tick) {
        return track(scheduler.schedule(guard(name, tick, true), new CronTrigger(cron, ZoneId.systemDefault())));
    }

    public void schemaReady(@Observes SchemaReady ready) {
        schemaReady = true;
    }

    private ScheduledFuture<?> fixedDelay(Duration period, Runnable guarded) {
        long millis = period.toMillis();
        return track(scheduler.scheduleWithFixedDelay(guarded, millis, millis, TimeUnit.MILLISECONDS));
    }

    private ScheduledFuture<?> track(ScheduledFuture<?> future) {
        scheduled.add(future);
        return future;
    }

    private Runnable guard(String name, Runnable tick, boolean needsSchema) {
        return () -> {
            if (stopping || (needsSchema && !schemaReady) || !running.readLock().tryLock()) {
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

    /** Before the datasource goes ({@link DependsOn}): no tick starts any more, the one running may end. */
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
