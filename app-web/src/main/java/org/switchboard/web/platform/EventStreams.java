package org.switchboard.web.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * Opens SSE responses that keep proxies honest: no caching or transformation, no proxy buffering, and a
 * comment heartbeat every 15 s on every open stream (one sweep for all of them).
 */
@ApplicationScoped
public class EventStreams {
    static final long HEARTBEAT_SECONDS = 15;

    @jakarta.inject.Inject
    org.switchboard.core.platform.ThreadPools pools;

    private final Set<ChunkedOutput<String>> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeat;

    public ChunkedOutput<String> open() {
        startHeartbeat();
        var out = new ChunkedOutput<String>(String.class);
        open.add(out);
        return out;
    }

    public static Response response(ChunkedOutput<String> out) {
        return Response.ok(out, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache, no-transform")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /** Writes one frame; false once the client is gone (the stream is then closed and forgotten). */
    public boolean write(ChunkedOutput<String> out, String frame) {
        try {
            out.write(frame);
            return true;
        } catch (IOException | IllegalStateException e) {
            close(out);
            return false;
        }
    }

    public void close(ChunkedOutput<String> out) {
        open.remove(out);
        try {
            out.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private synchronized void startHeartbeat() {
        if (heartbeat == null) {
            heartbeat = pools.timers()
                    .scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void beat() {
        for (ChunkedOutput<String> out : open) {
            if (out.isClosed()) {
                open.remove(out);
            } else {
                write(out, ": heartbeat\n\n");
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }
}
