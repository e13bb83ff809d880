package org.switchboard.core.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The application's worker threads, made by the container's {@link ManagedThreadFactory} so they carry the
 * application's context. Payara's managed executors capture context on every task submission through a
 * {@code ServiceLoader} scan of the class loaders, which on the token path cost more than everything else
 * together (measured with JFR). The upstream HTTP client runs its callbacks on its own selector thread.
 */
@ApplicationScoped
public class ThreadPools {
    private static final int TIMER_THREADS = 2;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService io;
    private ScheduledExecutorService timers;

    @PostConstruct
    void start() {
        io = Executors.newCachedThreadPool(threads);
        timers = Executors.newScheduledThreadPool(TIMER_THREADS, threads);
    }

    /**
     * For work that waits on I/O: claiming runs, refreshing the routing table, flagging refused keys, reading the
     * log for followers of runs that generate elsewhere. (The web layer has its own, for SSE heartbeats.)
     */
    public ExecutorService io() {
        return io;
    }

    /**
     * For short timed tasks that never block (two threads shared by every run): simulated tokens, deadline
     * sweeps, retry back-offs, and the ticks that hand polling to {@link #io()}.
     */
    public ScheduledExecutorService timers() {
        return timers;
    }

    @PreDestroy
    void stop() {
        io.shutdownNow();
        timers.shutdownNow();
    }
}
