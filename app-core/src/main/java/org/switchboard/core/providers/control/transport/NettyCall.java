package org.switchboard.core.providers.control.transport;

import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One streamed exchange on Netty: the call, where its reports go, and its cancel. It is handed to a connection
 * ({@link ChannelExchange}) on the event loop; a cancel, from any thread, closes that connection on the event loop
 * if the exchange still holds it (so a connection is never reused mid-body, and never closed under a later exchange).
 */
final class NettyCall implements StreamTransport.Exchange {
    final UpstreamCall call;
    final StreamSink sink;
    private final EventLoop loop;
    private final HostPool pool;
    private volatile boolean cancelled;
    private ChannelExchange connection; // event loop only

    NettyCall(UpstreamCall call, StreamSink sink, HostPool pool) {
        this.call = call;
        this.sink = sink;
        this.pool = pool;
        this.loop = pool.loop();
    }

    @Override
    public void cancel() {
        cancelled = true;
        try {
            loop.execute(() -> {
                if (connection != null) {
                    connection.abort(this);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // the event loop is gone, and with it every connection
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Whether reports still go to the sink: not after a cancel, nor once the transport is closing. */
    boolean reporting() {
        return !cancelled && !pool.closed();
    }

    /** Event loop: the connection that now carries this exchange. */
    void attached(ChannelExchange connection) {
        this.connection = connection;
    }

    /**
     * Event loop: the exchange failed; reported as the JDK client reports it (wrapped once, the connect deadline as
     * {@link HttpConnectTimeoutException}), unless it was cancelled or the transport is closing.
     */
    void failed(Throwable failure) {
        if (reporting()) {
            sink.onFailure(new CompletionException(translate(failure)));
        }
    }

    private static Throwable translate(Throwable failure) {
        Throwable cause =
                failure instanceof DecoderException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConnectTimeoutException || cause instanceof SslHandshakeTimeoutException) {
            HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("HTTP connect timed out");
            timeout.initCause(cause);
            return timeout;
        }
        if (cause instanceof ConnectException && cause.getClass() != ConnectException.class) {
            return new ConnectException(cause.getMessage());
        }
        return cause;
    }
}
