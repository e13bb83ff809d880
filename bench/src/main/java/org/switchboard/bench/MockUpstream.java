package org.switchboard.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fast OpenAI-compatible upstream: {@code POST /v1/chat/completions} streams {@code tokens} chunks
 * {@code delayMillis} apart, then a usage chunk and {@code [DONE]}. A Netty HTTP/1.1 server on one
 * event-loop thread: every stream is a task on that loop's scheduler (no thread per stream, no sleeping), and
 * the response (status line, headers, each event in its HTTP chunk) is encoded once and written as is, so the
 * mock's own cost stays small and is the same for the direct baseline and for Switchboard.
 */
public final class MockUpstream implements AutoCloseable {
    private static final String PATH = "/v1/chat/completions";
    private static final String OK =
            "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n";
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n";

    private final int tokens;
    private final long delayMillis;
    private final EventLoopGroup loop;
    private final Channel server;
    /** Each event in its HTTP chunk: one per token, the stop chunk, the usage chunk, {@code [DONE]} + last chunk. */
    private final ByteBuf[] frames;

    private final ByteBuf head = encode(OK + "\r\n");
    private final ByteBuf headKeepAlive10 = encode(OK + "connection: keep-alive\r\n\r\n");
    private final ByteBuf headClose = encode(OK + "connection: close\r\n\r\n");
    private final ByteBuf notFound = encode(NOT_FOUND + "\r\n");
    private final ByteBuf notFoundKeepAlive10 = encode(NOT_FOUND + "connection: keep-alive\r\n\r\n");
    private final ByteBuf notFoundClose = encode(NOT_FOUND + "connection: close\r\n\r\n");

    public MockUpstream(int port, int tokens, long delayMillis) throws IOException {
        this.tokens = tokens;
        this.delayMillis = delayMillis;
        this.frames = frames(tokens);
        loop = new NioEventLoopGroup(1, new DefaultThreadFactory("mock-upstream", true));
        ChannelFuture bound = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpRequestDecoder(), new Connection());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            release();
            throw new IOException("The mock upstream cannot listen on 127.0.0.1:" + port, bound.cause());
        }
        server = bound.channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The whole stream, encoded once: the same bytes for every request. */
    private static ByteBuf[] frames(int tokens) {
        String head =
                "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench-model\",";
        ByteBuf[] frames = new ByteBuf[tokens + 3];
        for (int i = 0; i < tokens; i++) {
            frames[i] = encode(chunk(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok" + i
                    + "\"},\"finish_reason\":null}]}\n\n"));
        }
        frames[tokens] =
                encode(chunk(head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"));
        frames[tokens + 1] = encode(chunk(head + "\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":"
                + tokens + ",\"total_tokens\":" + (tokens + 8) + "}}\n\n"));
        frames[tokens + 2] = encode(chunk("data: [DONE]\n\n") + "0\r\n\r\n");
        return frames;
    }

    /** One HTTP/1.1 chunk (the frames are ASCII: their length in bytes is their length in characters). */
    private static String chunk(String frame) {
        return Integer.toHexString(frame.length()) + "\r\n" + frame + "\r\n";
    }

    private static ByteBuf encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        release();
    }

    private void release() {
        for (ByteBuf buffer : frames) {
            buffer.release();
        }
        for (ByteBuf buffer : List.of(head, headKeepAlive10, headClose, notFound, notFoundKeepAlive10, notFoundClose)) {
            buffer.release();
        }
    }

    /** One client connection: reads each request whole, then answers it. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private boolean chat;
        private boolean keepAlive;
        private boolean http10;
        private Stream stream;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof HttpObject object
                        && object.decoderResult().isFailure()) {
                    ctx.close();
                    return;
                }
                if (message instanceof HttpRequest request) {
                    String uri = request.uri();
                    int query = uri.indexOf('?');
                    chat = request.method().equals(HttpMethod.POST)
                            && PATH.equals(query < 0 ? uri : uri.substring(0, query));
                    keepAlive = HttpUtil.isKeepAlive(request);
                    http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
                }
                if (message instanceof LastHttpContent) {
                    answer(ctx);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void answer(ChannelHandlerContext ctx) {
            if (!chat) {
                ChannelFuture written = ctx.writeAndFlush(
                        (keepAlive ? (http10 ? notFoundKeepAlive10 : notFound) : notFoundClose).retainedDuplicate());
                if (!keepAlive) {
                    written.addListener(ChannelFutureListener.CLOSE);
                }
                return;
            }
            ctx.writeAndFlush(
                    (keepAlive ? (http10 ? headKeepAlive10 : head) : headClose).retainedDuplicate(), ctx.voidPromise());
            stream = new Stream(ctx, keepAlive);
            if (tokens == 0) {
                stream.run();
            } else {
                stream.scheduleNext();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (stream != null) {
                stream.cancel();
                stream = null;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // typically the client went away mid-stream: stop here, quietly
            ctx.close();
        }

        /** One response being streamed: each run writes the next token, the last one also the tail. */
        private final class Stream implements Runnable {
            private final ChannelHandlerContext ctx;
            private final boolean keepAlive;
            /** When the request was answered: token {@code i} is due {@code (i + 1) × delay} after it. */
            private final long start = System.nanoTime();

            private int next;
            private boolean cancelled;
            private ScheduledFuture<?> timer;

            Stream(ChannelHandlerContext ctx, boolean keepAlive) {
                this.ctx = ctx;
                this.keepAlive = keepAlive;
            }

            /**
             * Schedules the next token at its due time on the stream's own timeline, not {@code delay} after the
             * previous one ran: a real provider's pace does not depend on the load of the host the gateway runs
             * on, so a late tick (the event loop waiting for a core it shares with the gateway under test) must
             * not push back every token after it.
             */
            void scheduleNext() {
                long due = start + TimeUnit.MILLISECONDS.toNanos(delayMillis * (next + 1));
                timer = ctx.executor().schedule(this, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
            }

            @Override
            public void run() {
                if (cancelled || !ctx.channel().isActive()) {
                    return;
                }
                if (next < tokens) {
                    write(frames[next++]);
                }
                if (next < tokens) {
                    scheduleNext();
                    return;
                }
                write(frames[tokens]);
                write(frames[tokens + 1]);
                ChannelFuture last = ctx.writeAndFlush(frames[tokens + 2].retainedDuplicate());
                if (!keepAlive) {
                    last.addListener(ChannelFutureListener.CLOSE);
                }
                timer = null;
                if (stream == this) {
                    stream = null;
                }
            }

            private void write(ByteBuf frame) {
                // a failed write reaches exceptionCaught, which closes the channel and so cancels the stream
                ctx.writeAndFlush(frame.retainedDuplicate(), ctx.voidPromise());
            }

            void cancel() {
                cancelled = true;
                if (timer != null) {
                    timer.cancel(false);
                    timer = null;
                }
            }
        }
    }
}
