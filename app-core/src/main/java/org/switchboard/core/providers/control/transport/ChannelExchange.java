package org.switchboard.core.providers.control.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of one pooled HTTP/1.1 connection's pipeline: sends the exchange it is given, passes a 2xx body to the
 * sink chunk by chunk as the codec slices it (no copy, no per-chunk {@code String}), reads any other answer whole,
 * and gives the connection back to its pool once an answer has ended and both sides keep it alive. A connection
 * that fails, is cancelled mid-body or closes early is closed, never reused. Event loop only.
 */
final class ChannelExchange extends ChannelInboundHandlerAdapter {
    /** Enough of an error answer's body for its message; the rest is not read into memory. */
    private static final int MAX_ERROR_BODY = 65_536;

    private final HostPool pool;
    private Channel channel;
    private NettyCall current;
    private int status;
    private boolean interim;
    private boolean keepAlive;
    private HttpHeaders errorHeaders;
    private ByteArrayOutputStream errorBody;
    long idleSince;

    ChannelExchange(HostPool pool) {
        this.pool = pool;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        channel = context.channel();
    }

    /** Sends {@code exchange} on this connection, unless it was cancelled meanwhile. */
    void begin(NettyCall exchange) {
        if (exchange.cancelled()) {
            pool.release(this);
            return;
        }
        current = exchange;
        status = 0;
        interim = false;
        errorHeaders = null;
        errorBody = null;
        exchange.attached(this);
        channel.writeAndFlush(request(exchange.call)).addListener(written -> {
            if (!written.isSuccess()) {
                fail(exchange, written.cause());
            }
        });
    }

    /** A cancel: the connection is closed if it still carries {@code exchange}. */
    void abort(NettyCall exchange) {
        if (current == exchange) {
            current = null;
            channel.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        try {
            NettyCall exchange = current;
            if (exchange == null) {
                return; // nothing asked: an answer nobody waits for
            }
            if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
                fail(exchange, object.decoderResult().cause());
                return;
            }
            if (message instanceof HttpResponse response) {
                head(response);
            }
            if (message instanceof HttpContent content) {
                content(exchange, content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        NettyCall exchange = current;
        if (exchange != null) {
            fail(
                    exchange,
                    status == 0
                            ? new IOException("The connection closed before an answer")
                            : new EOFException("EOF reached while reading"));
        } else {
            pool.forget(this);
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        NettyCall exchange = current;
        if (exchange != null) {
            fail(exchange, cause);
        } else {
            context.close();
        }
    }

    private void head(HttpResponse response) {
        int code = response.status().code();
        if (code / 100 == 1 && code != 101) {
            interim = true; // 100 Continue, 103 Early Hints: the answer follows
            return;
        }
        status = code;
        keepAlive = HttpUtil.isKeepAlive(response);
        if (code / 100 != 2) {
            errorHeaders = response.headers();
            errorBody = new ByteArrayOutputStream();
        }
    }

    private void content(NettyCall exchange, HttpContent content) {
        if (interim) {
            interim = !(content instanceof LastHttpContent);
            return;
        }
        ByteBuf bytes = content.content();
        if (errorBody == null) {
            if (bytes.isReadable() && exchange.reporting()) {
                deliver(exchange.sink, bytes);
            }
        } else if (errorBody.size() < MAX_ERROR_BODY) {
            int length = Math.min(bytes.readableBytes(), MAX_ERROR_BODY - errorBody.size());
            byte[] copy = new byte[length];
            bytes.getBytes(bytes.readerIndex(), copy);
            errorBody.write(copy, 0, length);
        }
        if (content instanceof LastHttpContent && current == exchange) {
            finish(exchange);
        }
    }

    /** The answer ended: the connection goes back to the pool first, so the sink's next call may take it. */
    private void finish(NettyCall exchange) {
        current = null;
        if (keepAlive && !exchange.cancelled()) {
            pool.release(this);
        } else {
            channel.close();
        }
        if (!exchange.reporting()) {
            return;
        }
        if (errorBody == null) {
            exchange.sink.onEnd();
        } else {
            exchange.sink.onErrorAnswer(status, javaHeaders(errorHeaders), errorBody.toString(StandardCharsets.UTF_8));
        }
    }

    private void fail(NettyCall exchange, Throwable cause) {
        if (current != exchange) {
            return;
        }
        current = null;
        channel.close();
        exchange.failed(cause);
    }

    /** The buffer's readable bytes as NIO buffers: the codec's slice of the read buffer, not a copy. */
    private static void deliver(StreamSink sink, ByteBuf bytes) {
        if (bytes.nioBufferCount() == 1) {
            sink.onBytes(bytes.internalNioBuffer(bytes.readerIndex(), bytes.readableBytes()));
        } else {
            for (ByteBuffer buffer : bytes.nioBuffers()) {
                sink.onBytes(buffer);
            }
        }
    }

    private FullHttpRequest request(UpstreamCall call) {
        URI uri = call.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.valueOf(call.method()), target, Unpooled.wrappedBuffer(call.body()));
        HttpHeaders headers = request.headers();
        headers.set(HttpHeaderNames.HOST, pool.hostHeader());
        call.forEachHeader((name, value) -> headers.add(name, value));
        headers.set(HttpHeaderNames.CONTENT_LENGTH, call.body().length);
        if (!headers.contains(HttpHeaderNames.USER_AGENT)) {
            headers.set(HttpHeaderNames.USER_AGENT, "Switchboard");
        }
        return request;
    }

    /** Netty's headers as the JDK's, which {@link StreamSink#onErrorAnswer} speaks (names case-insensitive). */
    private static java.net.http.HttpHeaders javaHeaders(HttpHeaders headers) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : headers) {
            all.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue());
        }
        return java.net.http.HttpHeaders.of(all, (name, value) -> true);
    }
}
