package org.switchboard.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Many SSE subscribers of live runs ({@code GET /api/v1/runs/{id}/events}) held open at once, on one Netty
 * event-loop thread. Each subscriber checks what it receives: every event's {@code id} (the seq) must follow the
 * previous one from 1 on, without a gap or a repeat, up to the run's terminal event ({@code done} or
 * {@code error}). At most {@value #OPENING} subscriptions are being opened at a time (connect, request, response
 * head), so the server's accept queue is never the limit.
 */
final class Subscribers implements AutoCloseable {
    private static final int OPENING = 100;
    private final EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("subscribers", true));
    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final String host;
    private final String base;
    private final String token;
    private final List<Stream> streams = new ArrayList<>();

    Subscribers(String baseUrl, String token) {
        URI url = URI.create(baseUrl);
        int port = url.getPort() < 0 ? 80 : url.getPort();
        this.remote = new InetSocketAddress(url.getHost(), port);
        this.host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + port;
        this.base = url.getRawPath() == null ? "" : url.getRawPath();
        this.token = token;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec());
                    }
                });
    }

    /**
     * Opens {@code count} subscriptions, spread round-robin over the runs, and returns once each has its response
     * head (or has failed), or after {@code timeout}.
     */
    void open(List<String> runIds, int count, Duration timeout) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        loop.execute(() -> {
            for (int i = 0; i < count; i++) {
                streams.add(new Stream(runIds.get(i % runIds.size())));
            }
            new Opener(opened).next();
        });
        try {
            opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // counted below as not opened
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many subscriptions satisfy {@code test} right now (read on the event loop). */
    int count(Predicate<Stream> test) {
        return CompletableFuture.supplyAsync(
                        () -> (int) streams.stream().filter(test).count(), loop)
                .join();
    }

    /** Waits until {@code test} holds for every subscription, or {@code timeout}; returns how many it holds for. */
    int awaitAll(Predicate<Stream> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int size = count(s -> true);
        int holds;
        while ((holds = count(test)) < size && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return holds;
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Opens the subscriptions, {@value #OPENING} at a time; touched on the event loop only. */
    private final class Opener {
        private final CompletableFuture<Void> opened;
        private int next;
        private int inFlight;

        Opener(CompletableFuture<Void> opened) {
            this.opened = opened;
        }

        void next() {
            while (inFlight < OPENING && next < streams.size()) {
                inFlight++;
                streams.get(next++).connect(this);
            }
            if (inFlight == 0 && next == streams.size()) {
                opened.complete(null);
            }
        }

        void done() {
            inFlight--;
            next();
        }
    }

    /** One subscription and what it has received. Lives on the event loop. */
    final class Stream {
        private final String runId;
        private final StringBuilder line = new StringBuilder();
        private Opener opener;
        int status;
        boolean failed;
        boolean ended;
        boolean gap;
        boolean terminal;
        int events;
        int lastSeq;
        long lastEventNanos;

        Stream(String runId) {
            this.runId = runId;
        }

        /** Every event from seq 1 to a terminal event, in order, none missing or repeated. */
        boolean complete() {
            return status == 200 && terminal && !gap && events == lastSeq;
        }

        private void connect(Opener opener) {
            this.opener = opener;
            bootstrap.connect(remote).addListener((ChannelFuture connected) -> {
                if (!connected.isSuccess()) {
                    fail();
                    return;
                }
                Channel channel = connected.channel();
                channel.pipeline().addLast(new Reader(this));
                DefaultFullHttpRequest request = new DefaultFullHttpRequest(
                        HttpVersion.HTTP_1_1, HttpMethod.GET, base + "/api/v1/runs/" + runId + "/events");
                request.headers()
                        .set(HttpHeaderNames.HOST, host)
                        .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
                channel.writeAndFlush(request, channel.voidPromise());
            });
        }

        private void opened() {
            if (opener != null) {
                Opener was = opener;
                opener = null;
                was.done();
            }
        }

        private void fail() {
            failed = true;
            ended = true;
            opened();
        }

        void onContent(ByteBuf content) {
            String text = content.toString(StandardCharsets.UTF_8);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    onLine(line.toString());
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        private void onLine(String text) {
            if (text.startsWith("id: ")) {
                int seq = Integer.parseInt(text.substring(4).trim());
                gap |= seq != lastSeq + 1;
                lastSeq = seq;
                events++;
                lastEventNanos = System.nanoTime();
            } else if (text.equals("event: done") || text.equals("event: error")) {
                terminal = true;
            }
        }
    }

    private static final class Reader extends ChannelInboundHandlerAdapter {
        private final Stream stream;

        Reader(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof HttpObject object
                        && object.decoderResult().isFailure()) {
                    stream.fail();
                    ctx.close();
                    return;
                }
                if (message instanceof HttpResponse response) {
                    stream.status = response.status().code();
                    stream.opened();
                    if (stream.status != 200) {
                        stream.failed = true;
                    }
                }
                if (message instanceof HttpContent content) {
                    stream.onContent(content.content());
                }
                if (message instanceof LastHttpContent) {
                    stream.ended = true;
                    ctx.close();
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!stream.ended) {
                stream.fail();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
