package org.switchboard.core.providers.control.transport;

import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;

/**
 * What a transport reports of one streamed exchange, in order: either an error answer, or body bytes followed by
 * the end, or a failure (which may also come after some bytes). Reports come from the transport's own I/O thread
 * (Netty's event loop, the JDK client's selector); with the JDK client a failure may come from another thread than
 * the bytes, so implementations synchronize. They are quick and never block.
 */
public interface StreamSink {
    /** A non-2xx answer, its body read whole (decoded as UTF-8). Ends the exchange. */
    void onErrorAnswer(int status, HttpHeaders headers, String body);

    /**
     * The next bytes of a 2xx answer's body: the buffer's bytes from its position to its limit. The buffer is only
     * lent for the call: it is neither kept nor moved.
     */
    void onBytes(ByteBuffer chunk);

    /** The 2xx answer's body ended as HTTP framed it. */
    void onEnd();

    /**
     * The exchange failed before or while streaming (connect, TLS, timeout, reset, a body cut below HTTP's
     * framing). The failure comes wrapped once, as from a {@code CompletableFuture}: its cause says what happened.
     */
    void onFailure(Throwable failure);
}
