package org.switchboard.web.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.platform.ThreadPools;

/**
 * Opens SSE responses that keep proxies honest: no caching or transformation, no proxy buffering, and a
 * comment heartbeat every 15 s on every open stream (one sweep for all of them).
 */
@ApplicationScoped
public class EventStreams {
    static final long HEARTBEAT_SECONDS = 15;

    @Inject
    ThreadPools pools;

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeat;

    /** A new stream on {@code response}; the resource resumes with its {@link EventStream#response()}. */
    public EventStream open(HttpServletResponse response) {
        startHeartbeat();
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

    private synchronized void startHeartbeat() {
        if (heartbeat == null) {
            // the timer only ticks; the writes (which block on a client that does not read) run on an I/O thread
            heartbeat = pools.timers()
                    .scheduleAtFixedRate(
                            () -> pools.io().execute(this::beat),
                            HEARTBEAT_SECONDS,
                            HEARTBEAT_SECONDS,
                            TimeUnit.SECONDS);
        }
    }

    private void beat() {
        for (EventStream stream : open) {
            stream.write(": heartbeat\n\n");
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }
}
