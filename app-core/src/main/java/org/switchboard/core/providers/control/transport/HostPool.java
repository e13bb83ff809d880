package org.switchboard.core.providers.control.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The keep-alive connections to one origin on one event loop. Idle connections are taken most recently used
 * first; one idle for {@value #KEEP_ALIVE_SECONDS} s, or closed by the upstream, is dropped. Everything but
 * {@link #start} runs on the pool's event loop, so the pool needs no lock.
 */
final class HostPool {
    private static final int KEEP_ALIVE_SECONDS = 60;
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS);
    /** How long a resolved address is used before it is looked up again (the JVM caches lookups as well). */
    private static final long RESOLVED_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final int MAX_IDLE = 512;
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_SIZE = 16384;
    private static final int MAX_CHUNK_SIZE = 8192;

    private final Origin origin;
    private final String hostHeader;
    private final EventLoop loop;
    private final NettyTransport transport;
    private final ArrayDeque<ChannelExchange> idle = new ArrayDeque<>();
    private Bootstrap bootstrap;
    private volatile InetSocketAddress address;
    private volatile long resolvedAt;

    HostPool(Origin origin, EventLoop loop, NettyTransport transport) {
        this.origin = origin;
        this.hostHeader = origin.hostHeader();
        this.loop = loop;
        this.transport = transport;
    }

    EventLoop loop() {
        return loop;
    }

    /** The {@code Host} header of every request to this origin. */
    String hostHeader() {
        return hostHeader;
    }

    boolean closed() {
        return transport.closed();
    }

    /**
     * On the caller's thread: resolves the host (as the JDK client does, on the thread that sends; cached) and hands
     * the exchange to the event loop.
     */
    void start(NettyCall exchange) {
        InetSocketAddress target = resolve();
        loop.execute(() -> acquire(exchange, target));
    }

    /** A connection done with its exchange, body read to its end: kept for the next one, or closed. */
    void release(ChannelExchange connection) {
        Channel channel = connection.channel();
        if (transport.closed() || !channel.isActive() || idle.size() >= MAX_IDLE) {
            channel.close();
            return;
        }
        long now = System.nanoTime();
        connection.idleSince = now;
        idle.offerFirst(connection);
        ChannelExchange oldest = idle.peekLast();
        if (oldest != connection && now - oldest.idleSince >= KEEP_ALIVE_NANOS) {
            idle.pollLast();
            oldest.channel().close();
        }
    }

    /** An idle connection closed (by the upstream, mostly). */
    void forget(ChannelExchange connection) {
        idle.remove(connection);
    }

    private void acquire(NettyCall exchange, InetSocketAddress target) {
        if (exchange.cancelled()) {
            return;
        }
        long now = System.nanoTime();
        ChannelExchange reused;
        while ((reused = idle.pollFirst()) != null) {
            if (reused.channel().isActive() && now - reused.idleSince < KEEP_ALIVE_NANOS) {
                reused.begin(exchange);
                return;
            }
            reused.channel().close();
        }
        if (target.isUnresolved()) {
            // as the JDK client reports it: a ConnectException (caused by the failed look-up)
            ConnectException unresolved = new ConnectException("Unresolved host " + origin.host());
            unresolved.initCause(new UnknownHostException(origin.host()));
            exchange.failed(unresolved);
            return;
        }
        ChannelFuture connecting = bootstrap().connect(target);
        connecting.addListener((ChannelFutureListener) connected -> {
            if (connected.isSuccess()) {
                connected.channel().pipeline().get(ChannelExchange.class).begin(exchange);
            } else {
                exchange.failed(connected.cause());
            }
        });
    }

    private InetSocketAddress resolve() {
        InetSocketAddress cached = address;
        long now = System.nanoTime();
        if (cached != null && now - resolvedAt < RESOLVED_NANOS) {
            return cached;
        }
        InetSocketAddress fresh = new InetSocketAddress(origin.address(), origin.port());
        if (!fresh.isUnresolved()) {
            resolvedAt = now;
            address = fresh;
        }
        return fresh;
    }

    private Bootstrap bootstrap() {
        if (bootstrap == null) {
            bootstrap = new Bootstrap()
                    .group(loop)
                    .channel(NioSocketChannel.class)
                    .resolver(NoopAddressResolverGroup.INSTANCE)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, transport.connectMillis())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            ChannelPipeline pipeline = channel.pipeline();
                            if (origin.tls()) {
                                pipeline.addLast(tls(channel));
                            }
                            pipeline.addLast(new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE));
                            pipeline.addLast(new ChannelExchange(HostPool.this));
                        }
                    });
        }
        return bootstrap;
    }

    /** TLS with the host name checked against the certificate (RFC 2818), SNI, and the connect deadline. */
    private SslHandler tls(SocketChannel channel) {
        SslHandler tls = transport.tls().newHandler(channel.alloc(), origin.address(), origin.port());
        SSLEngine engine = tls.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        tls.setHandshakeTimeoutMillis(transport.connectMillis());
        return tls;
    }
}
