package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * One open SSE response. Jersey writes its head (status, headers, response filters) when the resource resumes
 * with {@link #response()} and ends it at {@link #close()}; the frames in between go straight to the servlet
 * output stream, one write and one flush each, without Jersey's per-chunk entity-writer pipeline (a quarter of
 * the event writer's CPU under the benchmark's load). Frames written before {@link #start()} (a replay that
 * arrives while the resource is still subscribing) wait in memory and go out first, in order. Writes may come
 * from any thread; they are serialized here.
 */
public final class EventStream {
    private final ChunkedOutput<String> jersey = new ChunkedOutput<>(String.class);
    private final HttpServletResponse servlet;
    private final EventStreams streams;
    private List<byte[]> early = new ArrayList<>();
    private OutputStream body;
    private boolean ending;
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
        boolean end;
        synchronized (this) {
            if (body != null || closed) {
                return;
            }
            try {
                body = servlet.getOutputStream();
                for (byte[] frame : early) {
                    body.write(frame);
                }
                body.flush();
            } catch (IOException | RuntimeException e) {
                ending = true;
            }
            early = null;
            end = ending;
        }
        if (end) {
            close();
        } else {
            streams.opened(this);
        }
    }

    /** Writes one frame; false once the client is gone (the stream is then closed). */
    public boolean write(String frame) {
        synchronized (this) {
            if (closed || ending) {
                return false;
            }
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            if (body == null) {
                early.add(bytes);
                return true;
            }
            try {
                body.write(bytes);
                body.flush();
                return true;
            } catch (IOException | RuntimeException e) {
                ending = true;
            }
        }
        close();
        return false;
    }

    /** Ends the response (after the frames written so far); before {@link #start()}, as soon as it starts. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (body == null && early != null) {
                ending = true;
                return;
            }
            closed = true;
        }
        streams.closed(this);
        try {
            jersey.close();
        } catch (IOException | RuntimeException e) {
            // the client is already gone
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
