package org.switchboard.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.metrics.boundary.StreamMetrics;

/**
 * Opens SSE responses that keep proxies honest: no caching or transformation, no proxy buffering, and a
 * comment heartbeat every 15 s on every open stream (one sweep for all of them). Streams whose client is behind
 * ({@link EventStream} never blocks on one) are retried every {@value #RETRY_MILLIS} ms until they catch up or
 * are dropped; with none behind, nothing ticks but the heartbeat.
 */
@ApplicationScoped
public class EventStreams {
    static final long HEARTBEAT_SECONDS = 15;
    static final long RETRY_MILLIS = 10;
    /** The response buffer of an event stream: a frame is flushed on its own (see {@link ResponseBuffers}). */
    static final int FRAME_BUFFER_BYTES = 512;

    @Inject
    WebThreads pools;

    @Inject
    StreamMetrics metrics;

    @Inject
    @ConfigProperty(name = "switchboard.sse.max-backlog-bytes")
    long maxBacklogBytes;

    @Inject
    @ConfigProperty(name = "switchboard.sse.stall-timeout")
    Duration stallTimeout;

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Set<EventStream> congested = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean retrying = new AtomicBoolean();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    /** The retry ticks while a stream is congested; null otherwise. Guarded by this. */
    private ScheduledFuture<?> retryTicks;

    private boolean stopped;

    @PostConstruct
    void publishCount() {
        metrics.liveStreams(open::size);
    }

    /** A new stream on {@code response}; the resource resumes with its {@link EventStream#response()}. */
    public EventStream open(HttpServletResponse response) {
        startTicks();
        ResponseBuffers.shrink(response, FRAME_BUFFER_BYTES);
        return new EventStream(response, this);
    }

    void opened(EventStream stream) {
        open.add(stream);
        if (stream.isClosed()) {
            open.remove(stream);
        }
    }

    void closed(EventStream stream) {
        open.remove(stream);
    }

    /**
     * A stream ended before its run's last event: its client went away, or is dropped as {@code tooSlow}. (Outside
     * the container, in unit tests, there are no metrics to count it in.)
     */
    void lost(boolean tooSlow) {
        if (metrics == null) {
            return;
        }
        if (tooSlow) {
            metrics.tooSlow();
        } else {
            metrics.clientGone();
        }
    }

    /** The stream holds frames its client has not taken yet (called under the stream's lock). */
    void congested(EventStream stream) {
        congested.add(stream);
        ensureRetrying();
    }

    /** The stream has caught up or ended (called under the stream's lock). */
    void uncongested(EventStream stream) {
        congested.remove(stream);
    }

    long maxBacklogBytes() {
        return maxBacklogBytes;
    }

    long stallTimeoutNanos() {
        return stallTimeout.toNanos();
    }

    /** Runs work that may wait on a client (closing a stream it does not read) off the caller's thread. */
    void inBackground(Runnable work) {
        pools.io().execute(work);
    }

    /** Writes what congested clients now take; drops those past the stall timeout. */
    void retryCongested() {
        long now = System.nanoTime();
        for (EventStream stream : congested) {
            stream.retry(now);
        }
    }

    private synchronized void startTicks() {
        if (ticks.isEmpty()) {
            // the timer only ticks; heartbeats and retries run on an I/O thread, so a slow client never delays a tick
            ticks.add(pools.timer()
                    .scheduleAtFixedRate(
                            () -> pools.io().execute(this::beat),
                            HEARTBEAT_SECONDS,
                            HEARTBEAT_SECONDS,
                            TimeUnit.SECONDS));
        }
    }

    /**
     * Ticks every {@value #RETRY_MILLIS} ms while some stream is congested, and not at all otherwise: a timer that
     * woke a hundred times a second for nothing was a good part of what an idle server cost (issue 17).
     */
    synchronized void ensureRetrying() {
        if (retryTicks == null && !stopped) {
            retryTicks = pools.timer()
                    .scheduleWithFixedDelay(this::retryTick, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the retry ticks once no stream is congested; {@link #congested} starts them again. */
    private synchronized void stopRetryingIfNoneCongested() {
        if (congested.isEmpty() && retryTicks != null) {
            retryTicks.cancel(false);
            retryTicks = null;
        }
    }

    private void retryTick() {
        if (congested.isEmpty()) {
            stopRetryingIfNoneCongested();
            return;
        }
        if (retrying.compareAndSet(false, true)) {
            pools.io().execute(() -> {
                try {
                    retryCongested();
                } finally {
                    retrying.set(false);
                }
            });
        }
    }

    private void beat() {
        for (EventStream stream : open) {
            stream.write(": heartbeat\n\n");
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        ticks.forEach(tick -> tick.cancel(false));
        if (retryTicks != null) {
            retryTicks.cancel(false);
        }
    }
}
