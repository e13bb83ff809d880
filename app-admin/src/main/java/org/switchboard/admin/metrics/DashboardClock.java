package org.switchboard.admin.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Ticks open dashboards on the container's scheduled executor, which carries the application's context. */
@ApplicationScoped
public class DashboardClock {
    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Runs {@code tick} every {@code period} until the returned future is cancelled. */
    ScheduledFuture<?> every(Duration period, Runnable tick) {
        return scheduler.scheduleAtFixedRate(tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
}
