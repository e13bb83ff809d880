package org.switchboard.core.metrics.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.metrics.entity.MetricsDashboard;
import org.switchboard.core.metrics.entity.MetricsMinute;
import org.switchboard.core.platform.ApplicationStopping;
import org.switchboard.core.platform.SchemaReady;
import org.switchboard.core.platform.ThreadPools;

/**
 * The last hour of this instance's metrics in memory: at each minute's turn a timer reads the meters ({@link Totals})
 * and keeps the difference from the reading before as that minute; 60 are kept. Reading the hour adds the minute in
 * progress (now against the last turn). Nothing is stored: a restart starts a new hour, like the meters themselves.
 */
@ApplicationScoped
public class MinuteSamples {
    static final int MINUTES = 60;

    @Inject
    Registry registry;

    @Inject
    ThreadPools pools;

    private final Deque<MetricsMinute> minutes = new ArrayDeque<>();
    private final Clock clock = Clock.systemUTC();
    private Totals last;
    private Instant lastAt;
    private ScheduledFuture<?> ticks;

    void start(@Observes SchemaReady ready) {
        begin();
        long untilNextMinute = 60_000 - clock.millis() % 60_000;
        ticks = pools.timers().scheduleAtFixedRate(this::tick, untilNextMinute, 60_000, TimeUnit.MILLISECONDS);
    }

    /** Takes the first reading: the minute in progress starts now. */
    synchronized void begin() {
        last = read();
        lastAt = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    /** Closes the minute in progress (the timer fires at each minute's turn; a late tick closes the same minute). */
    synchronized void tick() {
        Totals now = read();
        minutes.addLast(now.since(last, lastAt));
        while (minutes.size() > MINUTES) {
            minutes.removeFirst();
        }
        last = now;
        lastAt = lastAt.plus(1, ChronoUnit.MINUTES);
    }

    /**
     * The 60 minutes before the one in progress, oldest first (a minute before the first reading is empty), and the
     * one in progress: a chart always spans the hour.
     */
    public synchronized MetricsDashboard lastHour() {
        if (last == null) {
            return new MetricsDashboard(List.of());
        }
        Map<Instant, MetricsMinute> closed = new HashMap<>();
        minutes.forEach(minute -> closed.put(minute.at(), minute));
        List<MetricsMinute> hour = new ArrayList<>(MINUTES + 1);
        for (int ago = MINUTES; ago >= 1; ago--) {
            Instant at = lastAt.minus(ago, ChronoUnit.MINUTES);
            hour.add(closed.getOrDefault(at, MetricsMinute.empty(at)));
        }
        hour.add(read().since(last, lastAt));
        return new MetricsDashboard(hour);
    }

    private Totals read() {
        return Totals.read(registry.meters());
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ApplicationStopping stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }
}
