package org.switchboard.core.providers.control.transport;

/**
 * Sends streamed upstream calls: the JDK's HTTP client ({@link JdkTransport}) or Netty ({@link NettyTransport}),
 * chosen by {@code switchboard.providers.http-client}. Both report through a {@link StreamSink} and stop an
 * exchange on {@link Exchange#cancel()}, closing its connection rather than reusing it mid-body.
 */
public interface StreamTransport {
    /** Starts {@code call} and returns at once; every report goes to {@code sink}. */
    Exchange stream(UpstreamCall call, StreamSink sink);

    /** One exchange in flight. */
    @FunctionalInterface
    interface Exchange {
        /** Stops the exchange; idempotent, from any thread. The sink may still see a report already under way. */
        void cancel();
    }
}
