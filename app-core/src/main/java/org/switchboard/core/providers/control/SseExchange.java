package org.switchboard.core.providers.control;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * One streamed upstream exchange read as Server-Sent Events (event name + data, dispatched at the blank line
 * that ends each event, per the HTML living standard) and turned into normalized callbacks by a dialect's
 * {@link #onEvent}. Takes care of what every dialect shares: a non-2xx answer becomes a classified failure
 * ({@link UpstreamFailures}), a stream that ends before the dialect said it was complete is a cut and never
 * a success, a transport failure is {@code upstream-timeout} or {@code upstream-unreachable}, exactly one
 * terminal callback, and nothing at all after {@link #cancel()}.
 */
public abstract class SseExchange implements HttpResponse.BodyHandler<Void>, Flow.Subscriber<String> {
    private final GenerationListener listener;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private boolean ended;
    private String eventName;
    private StringBuilder data;

    protected SseExchange(GenerationListener listener) {
        this.listener = listener;
    }

    /**
     * One complete event: {@code event} is the {@code event:} field (null when absent), {@code data} the
     * joined {@code data:} lines. Implementations call {@link #delta}, {@link #usage}, {@link #complete},
     * {@link #fail} and {@link #conversation}; a malformed payload may throw {@link jakarta.json.JsonException}
     * or {@link ClassCastException}, which ends the generation as {@code upstream-malformed}.
     */
    protected abstract void onEvent(String event, String data);

    /** The upstream closed the body. Unless the dialect already completed, that is a cut. */
    protected void onStreamEnd() {
        fail(new ProviderFailure("upstream-cut", "The upstream closed the stream before it was complete", 0));
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
        if (info.statusCode() / 100 != 2) {
            return HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                        synchronized (this) {
                            fail(UpstreamFailures.fromStatus(info.statusCode(), info.headers(), body));
                        }
                        return null;
                    });
        }
        return HttpResponse.BodySubscribers.fromLineSubscriber(this, subscriber -> null, StandardCharsets.UTF_8, null);
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
    public synchronized void onNext(String line) {
        if (ended || cancelled) {
            return;
        }
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("data:")) {
            String value = field(line, 5);
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        } else if (line.startsWith("event:")) {
            eventName = field(line, 6);
        } // comments (":"), id: and retry: carry nothing an adapter needs
    }

    @Override
    public synchronized void onError(Throwable failure) {
        failed(failure);
    }

    @Override
    public synchronized void onComplete() {
        dispatch(); // a last event without its blank line still counts
        if (!ended && !cancelled) {
            onStreamEnd();
        }
    }

    /**
     * Sends {@code request} and reads its answer with this exchange; the generation's cancel stops both the
     * reading and the HTTP exchange.
     */
    public Generation start(java.net.http.HttpClient http, java.net.http.HttpRequest request) {
        java.util.concurrent.CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, this);
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                failed(failure);
            }
        });
        return () -> {
            cancel();
            exchange.cancel(true);
        };
    }

    /** The exchange failed before or while streaming (connect, TLS, timeout, reset). */
    public synchronized void failed(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String type = cause instanceof HttpTimeoutException ? "upstream-timeout" : "upstream-unreachable";
        fail(new ProviderFailure(
                type, "The upstream could not be reached: " + cause.getClass().getSimpleName(), 0));
    }

    /** Stops reading; no callback follows. */
    public void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    protected final boolean isEnded() {
        return ended || cancelled;
    }

    protected final void delta(String text) {
        if (!isEnded() && text != null && !text.isEmpty()) {
            listener.onDelta(text);
        }
    }

    protected final void usage(Usage usage) {
        if (!isEnded()) {
            listener.onUsage(usage);
        }
    }

    protected final void conversation(String upstreamConversationId) {
        if (!isEnded() && upstreamConversationId != null && !upstreamConversationId.isEmpty()) {
            listener.onConversation(upstreamConversationId);
        }
    }

    protected final void complete() {
        if (!isEnded()) {
            ended = true;
            listener.onComplete();
        }
    }

    protected final void fail(ProviderFailure failure) {
        if (!isEnded()) {
            ended = true;
            listener.onError(failure);
        }
    }

    private void dispatch() {
        StringBuilder payload = data;
        String name = eventName;
        data = null;
        eventName = null;
        if (payload == null || isEnded()) {
            return;
        }
        try {
            onEvent(name, payload.toString());
        } catch (jakarta.json.JsonException | ClassCastException | NullPointerException e) {
            fail(new ProviderFailure("upstream-malformed", "The upstream sent an event that is not valid JSON", 0));
            cancel();
        }
    }

    private static String field(String line, int nameLength) {
        int start = nameLength < line.length() && line.charAt(nameLength) == ' ' ? nameLength + 1 : nameLength;
        return line.substring(start);
    }
}
