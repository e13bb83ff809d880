package org.switchboard.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The web layer's own worker threads, made by the container's {@link ManagedThreadFactory} for the same reason
 * core's are: a managed executor captures context on every submission, which costs a class-loader scan. The web
 * layer keeps its own rather than borrow core's, whose pools are core's plumbing and not one of its doors.
 */
@ApplicationScoped
public class WebThreads {
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService io;
    private ScheduledExecutorService timer;

    @PostConstruct
    void start() {
        io = Executors.newCachedThreadPool(threads);
        timer = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** For work that may wait: answering a request once its run is recorded, heartbeats, slow clients. */
    public ExecutorService io() {
        return io;
    }

    /** Only ticks that hand their work to {@link #io()}: the SSE heartbeat and the congested-stream retry. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    @PreDestroy
    void stop() {
        io.shutdownNow();
        timer.shutdownNow();
    }
}
