package org.switchboard.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ByteProcessor;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends streamed chat completions with {@code concurrency} requests in flight and records, per request, the
 * time to the first content chunk and to {@code [DONE]}. Each in-flight slot starts its next request as soon
 * as the previous one ends, on one persistent HTTP/1.1 connection (a new one if the server closed it or the
 * request failed).
 *
 * <p>Netty on one event-loop thread: the response body is scanned byte by byte as it arrives, with the
 * match state carried from one chunk to the next, so neither marker is missed when it is split across chunks
 * and no chunk is turned into a string.
 */
final class LoadClient {
    private static final long TIMEOUT_SECONDS = 60;
    /** The first content delta: this, then any character but {@code "}. */
    private static final byte[] CONTENT = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);

    private static final int[] CONTENT_FALLBACK = fallback(CONTENT);
    /** The end of the stream, at the start of a line (the body's start counts as one). */
    private static final byte[] DONE = "\ndata: [DONE]".getBytes(StandardCharsets.US_ASCII);

    private static final int[] DONE_FALLBACK = fallback(DONE);

    /**
     * One measured request. A failed one ({@code ok} false) has {@code NaN} for a marker it never saw.
     */
    record Sample(double ttftMillis, double totalMillis, boolean ok) {}

    /** A finished load: every sample and the wall time it took. */
    record Result(List<Sample> samples, double wallSeconds) {
        double throughput() {
            return samples.size() / wallSeconds;
        }

        long failures() {
            return samples.stream().filter(s -> !s.ok()).count();
        }
    }

    private final EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("load-client", true));
    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final String path;
    private final HttpHeaders headers;
    private final ByteBuf body;

    LoadClient(String baseUrl, String token, String model) {
        URI url = URI.create(baseUrl + "/v1/chat/completions");
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("The load client speaks plain http only: " + baseUrl);
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        remote = new InetSocketAddress(url.getHost(), port);
        path = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        byte[] json = ("{\"model\":\"" + model
                        + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"benchmark\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(json.length).writeBytes(json));
        headers = new DefaultHttpHeaders()
                .set(HttpHeaderNames.HOST, url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + port)
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, json.length);
        if (token != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        bootstrap = new Bootstrap()
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

    Result run(int concurrency, int requests) {
        int perSlot = Math.max(1, requests / concurrency);
        Load load = new Load(concurrency, concurrency * perSlot);
        long started = System.nanoTime();
        loop.execute(() -> {
            for (int slot = 0; slot < concurrency; slot++) {
                new Slot(load, perSlot).next();
            }
        });
        load.finished.join();
        return new Result(List.copyOf(load.samples), (System.nanoTime() - started) / 1e9);
    }

    /** KMP fallback table: after a mismatch at {@code i}, the length of the prefix that still matches. */
    private static int[] fallback(byte[] pattern) {
        int[] table = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = table[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }

    private static int advance(byte[] pattern, int[] table, int matched, byte b) {
        if (matched == pattern.length) {
            matched = table[matched - 1];
        }
        while (matched > 0 && pattern[matched] != b) {
            matched = table[matched - 1];
        }
        return pattern[matched] == b ? matched + 1 : matched;
    }

    /** One call of {@link #run}: touched on the event loop only, handed over through {@code finished}. */
    private static final class Load {
        final List<Sample> samples;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        int slotsLeft;

        Load(int slots, int requests) {
            this.slotsLeft = slots;
            this.samples = new ArrayList<>(requests);
        }

        void slotDone() {
            if (--slotsLeft == 0) {
                finished.complete(null);
            }
        }
    }

    /**
     * One in-flight slot: its requests one after the other on one connection. Lives on the event loop; also
     * the byte scanner of the response in progress and its timeout task.
     */
    private final class Slot implements ByteProcessor, Runnable {
        private final Load load;
        private int remaining;
        private Channel channel;
        // the request in progress
        private boolean active;
        private long start;
        private long firstToken;
        private long done;
        private int status;
        private boolean keepAlive;
        private int contentMatched;
        private boolean contentSeen;
        private int doneMatched;
        private ScheduledFuture<?> timeout;

        Slot(Load load, int requests) {
            this.load = load;
            this.remaining = requests;
        }

        /** Starts the slot's next request, or ends the slot. */
        void next() {
            if (remaining == 0) {
                if (channel != null) {
                    channel.close();
                    channel = null;
                }
                load.slotDone();
                return;
            }
            remaining--;
            if (channel != null && channel.isActive()) {
                send();
                return;
            }
            bootstrap.connect(remote).addListener((ChannelFuture connected) -> {
                if (!connected.isSuccess()) {
                    load.samples.add(new Sample(Double.NaN, Double.NaN, false));
                    loop.execute(this::next);
                    return;
                }
                channel = connected.channel();
                channel.pipeline().addLast(new Reader(this, channel));
                send();
            });
        }

        private void send() {
            active = true;
            firstToken = 0;
            done = 0;
            status = 0;
            keepAlive = true;
            contentMatched = 0;
            contentSeen = false;
            doneMatched = 1; // the body starts a line
            timeout = channel.eventLoop().schedule(this, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            start = System.nanoTime();
            channel.writeAndFlush(
                    new DefaultFullHttpRequest(
                            HttpVersion.HTTP_1_1,
                            HttpMethod.POST,
                            path,
                            body.duplicate(),
                            headers,
                            EmptyHttpHeaders.INSTANCE),
                    channel.voidPromise()); // a failed write closes the channel: see Reader
        }

        void onHead(HttpResponse response) {
            status = response.status().code();
            keepAlive = HttpUtil.isKeepAlive(response);
        }

        void onContent(ByteBuf content) {
            if (done == 0 && content.isReadable()) {
                content.forEachByte(this);
            }
        }

        @Override
        public boolean process(byte b) {
            if (firstToken == 0) {
                if (contentSeen) {
                    contentSeen = false;
                    if (b != '"') {
                        firstToken = System.nanoTime();
                    }
                }
                if (firstToken == 0) {
                    contentMatched = advance(CONTENT, CONTENT_FALLBACK, contentMatched, b);
                    contentSeen = contentMatched == CONTENT.length;
                }
            }
            doneMatched = advance(DONE, DONE_FALLBACK, doneMatched, b);
            if (doneMatched == DONE.length) {
                done = System.nanoTime();
                return false;
            }
            return true;
        }

        /** The response ended. */
        void onEnd() {
            if (!active) {
                return;
            }
            finish(status == 200 && firstToken != 0 && done != 0);
            if (!keepAlive) {
                channel.close();
                channel = null;
            }
            next();
        }

        /** The connection closed (or broke). */
        void onClosed() {
            channel = null;
            if (active) {
                finish(false);
                next();
            }
        }

        /** No end of the response within the timeout. */
        @Override
        public void run() {
            if (!active) {
                return;
            }
            Channel stuck = channel;
            channel = null;
            finish(false);
            stuck.close();
            next();
        }

        private void finish(boolean ok) {
            active = false;
            timeout.cancel(false);
            load.samples.add(new Sample(
                    firstToken == 0 ? Double.NaN : (firstToken - start) / 1e6,
                    done == 0 ? Double.NaN : (done - start) / 1e6,
                    ok));
        }
    }

    /** Hands one connection's response parts to its slot, as long as the slot still uses the connection. */
    private static final class Reader extends ChannelInboundHandlerAdapter {
        private final Slot slot;
        private final Channel channel;

        Reader(Slot slot, Channel channel) {
            this.slot = slot;
            this.channel = channel;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (slot.channel != channel) {
                    return;
                }
                if (message instanceof HttpObject object
                        && object.decoderResult().isFailure()) {
                    ctx.close();
                    return;
                }
                if (message instanceof HttpResponse response) {
                    slot.onHead(response);
                }
                if (message instanceof HttpContent content) {
                    slot.onContent(content.content());
                }
                if (message instanceof LastHttpContent) {
                    slot.onEnd();
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (slot.channel == channel) {
                slot.onClosed();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
