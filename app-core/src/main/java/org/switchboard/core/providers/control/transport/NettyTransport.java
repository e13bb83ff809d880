package org.switchboard.core.providers.control.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Streamed calls over Netty: HTTP/1.1 with a keep-alive pool per upstream origin and event loop ({@link HostPool}),
 * TLS by the JDK's {@link SSLContext} (the same one, and so the same trust store, as the JDK client's), the connect
 * deadline on the TCP connect and the TLS handshake. HTTP/2 is not negotiated: every exchange has a connection of
 * its own while it streams, reused afterwards.
 *
 * <p>Threads: {@code eventLoops} NIO event loops made by the given factory (the container's managed thread factory)
 * on the first call, and none else. The callbacks of an exchange run on its event loop. Only {@code execute} on an
 * event loop is ever called from another thread, so no Netty thread-local lands on a container thread (which would
 * pin this application's class loader after an undeploy). {@link #close()} stops the loops and closes every
 * connection; exchanges still running then get no further report.
 */
public final class NettyTransport implements StreamTransport, AutoCloseable {
    private final ThreadFactory threads;
    private final int eventLoops;
    private final int connectMillis;
    private final SSLContext sslContext;
    private final Map<Origin, HostPool[]> pools = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile EventLoopGroup group;
    private volatile SslContext tls;
    private volatile boolean closed;

    public NettyTransport(ThreadFactory threads, int eventLoops, Duration connectTimeout, SSLContext sslContext) {
        this.threads = threads;
        this.eventLoops = Math.max(1, eventLoops);
        this.connectMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        this.sslContext = sslContext;
    }

    @Override
    public Exchange stream(UpstreamCall call, StreamSink sink) {
        Origin origin = Origin.of(call.uri());
        try {
            HostPool[] perLoop = pools.computeIfAbsent(origin, this::poolsFor);
            HostPool pool = perLoop[Math.floorMod(next.getAndIncrement(), perLoop.length)];
            NettyCall exchange = new NettyCall(call, sink, pool);
            pool.start(exchange);
            return exchange;
        } catch (RejectedExecutionException stopped) {
            sink.onFailure(new CompletionException(new IOException("The HTTP transport has stopped")));
            return () -> {};
        }
    }

    /** Stops the event loops (waiting up to a few seconds), closing every connection. */
    @Override
    public synchronized void close() {
        closed = true;
        EventLoopGroup loops = group;
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    boolean closed() {
        return closed;
    }

    int connectMillis() {
        return connectMillis;
    }

    SslContext tls() {
        SslContext context = tls;
        if (context == null) {
            context = new JdkSslContext(sslContext, true, ClientAuth.NONE);
            tls = context;
        }
        return context;
    }

    private HostPool[] poolsFor(Origin origin) {
        List<HostPool> perLoop = new ArrayList<>(eventLoops);
        for (EventExecutor loop : loops()) {
            perLoop.add(new HostPool(origin, (EventLoop) loop, this));
        }
        return perLoop.toArray(HostPool[]::new);
    }

    private synchronized EventLoopGroup loops() {
        if (closed) {
            throw new RejectedExecutionException("The HTTP transport has stopped");
        }
        if (group == null) {
            group = new NioEventLoopGroup(eventLoops, threads);
        }
        return group;
    }
}
