package org.switchboard.web.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * One open SSE response. Jersey writes its head (status, headers, response filters) when the resource resumes
 * with {@link #response()} and ends it at {@link #close()}; the frames in between go straight to the servlet
 * output stream, one write and one flush each, without Jersey's per-chunk entity-writer pipeline (a quarter of
 * the event writer's CPU under the benchmark's load).
 *
 * <p>Writes never block the caller, which is the thread that publishes every run's events to every subscriber:
 * a frame is written only while the connection takes it without waiting ({@link ServletOutputStream#isReady()},
 * which the container answers from its write queue even in blocking mode). Otherwise the frame waits here, the
 * stream is reported congested to {@link EventStreams}, which retries it every few milliseconds, and a client
 * that stays behind by more than {@code switchboard.sse.max-backlog-bytes} or stops reading for longer than
 * {@code switchboard.sse.stall-timeout} loses the stream (the run goes on; the client can resume with
 * {@code Last-Event-ID}). Frames written before {@link #start()} (a replay that arrives while the resource is
 * still subscribing) wait the same way and go out first, in order; they do not count against the backlog limit. Writes may come from any thread; they are
 * serialized here.
 */
public final class EventStream {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private final ChunkedOutput<String> jersey = new ChunkedOutput<>(String.class);
    private final HttpServletResponse servlet;
    private final EventStreams streams;
    private final FrameBacklog pending = new FrameBacklog();
    /** When the connection first refused a frame that is still waiting; 0 while frames flow. */
    private long congestedSince;

    private ServletOutputStream body;
    /** The end is asked for: the response ends once the waiting frames are out. */
    private boolean ending;
    /** The client is gone or too far behind: the waiting frames are dropped. */
    private boolean dropped;

    private boolean closed;

    EventStream(HttpServletResponse servlet, EventStreams streams) {
        this.servlet = servlet;
        this.streams = streams;
    }

    /** The response the resource resumes with: Jersey writes its head, the frames follow through this stream. */
    public Response response() {
        return Response.ok(jersey, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache, no-transform")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /**
     * Takes over the body once Jersey has written the head: call it on the request thread right after
     * {@code AsyncResponse.resume(response())}, which writes the head before it returns.
     */
    public void start() {
        Ending end;
        synchronized (this) {
            if (body != null || closed) {
                return;
            }
            try {
                body = servlet.getOutputStream();
                pending.markReplay();
                writePending();
            } catch (IOException | RuntimeException e) {
                drop(false);
            }
            end = ending();
        }
        if (end == Ending.NONE) {
            streams.opened(this);
        } else {
            end(end);
        }
    }

    /** Writes one frame (or queues it while the client is behind); false once the stream is over. */
    public boolean write(String frame) {
        Ending end;
        boolean open;
        synchronized (this) {
            if (closed || ending) {
                return false;
            }
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            pending.add(bytes);
            if (body == null) {
                return true;
            }
            writePending();
            open = !dropped;
            end = ending();
        }
        end(end);
        return open;
    }

    /** Ends the response after the frames written so far (before {@link #start()}: as soon as it starts). */
    public void close() {
        Ending end;
        synchronized (this) {
            ending = true;
            end = ending();
        }
        end(end);
    }

    /**
     * Writes the frames that wait while the connection takes them; called by {@link EventStreams} while the
     * stream is congested. Drops the stream if the client has not taken a frame for longer than the stall timeout.
     */
    void retry(long nowNanos) {
        Ending end;
        synchronized (this) {
            if (closed || body == null) {
                return;
            }
            writePending();
            if (congestedSince != 0 && nowNanos - congestedSince > streams.stallTimeoutNanos()) {
                tooSlow("not reading for " + (nowNanos - congestedSince) / 1_000_000 + " ms");
            }
            end = ending();
        }
        end(end);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Hands waiting frames to the connection, in order, while it takes them without blocking. */
    private void writePending() {
        try {
            while (!pending.isEmpty()) {
                if (!body.isReady()) {
                    if (congestedSince == 0) {
                        congestedSince = System.nanoTime();
                        streams.congested(this);
                    }
                    if (pending.exceeds(streams.maxBacklogBytes())) {
                        tooSlow(pending.bytes() + " bytes behind");
                    }
                    return;
                }
                body.write(pending.take());
                body.flush();
                if (congestedSince != 0) {
                    // a frame went out: the stall clock restarts
                    congestedSince = System.nanoTime();
                }
            }
            if (congestedSince != 0) {
                congestedSince = 0;
                streams.uncongested(this);
            }
        } catch (IOException | RuntimeException e) {
            drop(false);
        }
    }

    private void tooSlow(String why) {
        LOG.log(Level.INFO, "Dropping the event stream of a client that is {0}; it can resume with Last-Event-ID", why);
        drop(true);
    }

    /** The client is gone (a write failed) or, if {@code tooSlow}, is dropped for being too far behind. */
    private void drop(boolean tooSlow) {
        if (!dropped) {
            streams.lost(tooSlow);
        }
        dropped = true;
        ending = true;
        pending.clear();
        if (congestedSince != 0) {
            congestedSince = 0;
            streams.uncongested(this);
        }
    }

    /** Whether this call ends the response, and how; marks it closed if so. Caller holds the lock. */
    private Ending ending() {
        if (closed || !ending) {
            return Ending.NONE;
        }
        if (!dropped && (body == null || !pending.isEmpty())) {
            return Ending.AFTER_PENDING;
        }
        closed = true;
        if (dropped || body == null) {
            return Ending.IN_BACKGROUND;
        }
        try {
            // ready: the closing chunk is queued without waiting for the client
            return body.isReady() ? Ending.NOW : Ending.IN_BACKGROUND;
        } catch (RuntimeException e) {
            return Ending.IN_BACKGROUND;
        }
    }

    private void end(Ending end) {
        if (end == Ending.NOW || end == Ending.IN_BACKGROUND) {
            streams.closed(this);
            if (end == Ending.NOW) {
                closeResponse();
            } else {
                // a client that does not read holds the closing write until the container's write timeout
                streams.inBackground(this::closeResponse);
            }
        }
    }

    private void closeResponse() {
        try {
            jersey.close();
        } catch (IOException | RuntimeException e) {
            // the client is already gone
        }
    }

    private enum Ending {
        /** The stream goes on. */
        NONE,
        /** The end is asked for; it comes once the waiting frames are out. */
        AFTER_PENDING,
        /** Close the response now, on this thread: it does not wait. */
        NOW,
        /** Close the response on another thread: the client is gone or not reading. */
        IN_BACKGROUND
    }
}
