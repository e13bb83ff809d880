package org.switchboard.core.providers.control.transport;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Streamed calls through the JDK's {@link HttpClient} (HTTP/2 by ALPN where the upstream offers it, its own
 * keep-alive pool and connect timeout, as the client is built). A 2xx body reaches the sink as the client's
 * buffers; any other answer is read whole as text.
 */
public final class JdkTransport implements StreamTransport {
    private final HttpClient http;

    public JdkTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public Exchange stream(UpstreamCall call, StreamSink sink) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.forEachHeader(request::header);
        Body body = new Body(sink);
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(), body);
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                sink.onFailure(failure);
            }
        });
        return () -> {
            body.cancel();
            exchange.cancel(true);
        };
    }

    /** Reads one answer: a 2xx body buffer by buffer into the sink, anything else whole. */
    private static final class Body implements HttpResponse.BodyHandler<Void>, HttpResponse.BodySubscriber<Void> {
        private final StreamSink sink;
        private final CompletableFuture<Void> read = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        Body(StreamSink sink) {
            this.sink = sink;
        }

        @Override
        public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
            if (info.statusCode() / 100 != 2) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
                            sink.onErrorAnswer(info.statusCode(), info.headers(), text);
                            return null;
                        });
            }
            return this;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                sink.onBytes(buffer);
            }
        }

        @Override
        public void onError(Throwable failure) {
            sink.onFailure(failure);
            read.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            sink.onEnd();
            read.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return read;
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
