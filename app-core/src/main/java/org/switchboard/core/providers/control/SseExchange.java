package org.switchboard.core.providers.control;

import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.providers.control.transport.StreamSink;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.control.transport.UpstreamCall;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * One streamed upstream exchange read as Server-Sent Events (event name + data, dispatched at the blank line
 * that ends each event, per the HTML living standard; {@link SseDecoder} splits them from the body's bytes) and
 * turned into normalized callbacks by a dialect's {@link #onEvent}. Takes care of what every dialect shares: a
 * non-2xx answer becomes a classified failure ({@link UpstreamFailures}), a stream that ends before the dialect
 * said it was complete is a cut and never a success, a transport failure is {@code upstream-timeout} or
 * {@code upstream-unreachable}, exactly one terminal callback, and nothing at all after {@link #cancel()}. The
 * same for either {@link StreamTransport}.
 */
public abstract class SseExchange implements StreamSink {
    private final GenerationListener listener;
    private volatile StreamTransport.Exchange exchange;
    private volatile boolean cancelled;
    private boolean ended;
    private SseDecoder decoder;

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

    /**
     * Whether every non-blank line of the body is one event's data (newline-delimited JSON) rather than a
     * Server-Sent Events field. Asked once, when the first bytes arrive.
     */
    protected boolean linePerEvent() {
        return false;
    }

    /**
     * Sends {@code call} through {@code transport} and reads its answer with this exchange; the generation's
     * cancel stops both the reading and the HTTP exchange.
     */
    public Generation start(StreamTransport transport, UpstreamCall call) {
        StreamTransport.Exchange started = transport.stream(call, this);
        exchange = started;
        if (cancelled) {
            started.cancel();
        }
        return this::cancel;
    }

    @Override
    public synchronized void onErrorAnswer(int status, HttpHeaders headers, String body) {
        fail(UpstreamFailures.fromStatus(status, headers, body));
    }

    @Override
    public synchronized void onBytes(ByteBuffer chunk) {
        if (!isEnded()) {
            decoder().feed(chunk);
        }
    }

    @Override
    public synchronized void onEnd() {
        onComplete();
    }

    @Override
    public synchronized void onFailure(Throwable failure) {
        failed(failure);
    }

    /** One line of the body, without its line end (how tests feed a recorded stream line by line). */
    public synchronized void onNext(String line) {
        onBytes(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The body ended as HTTP framed it. */
    public synchronized void onComplete() {
        if (!isEnded()) {
            decoder().finish(); // a last event without its blank line still counts
        }
        if (!ended && !cancelled) {
            onStreamEnd();
        }
    }

    /** The exchange failed before or while streaming (connect, TLS, timeout, reset). */
    public synchronized void failed(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String type = cause instanceof HttpTimeoutException ? "upstream-timeout" : "upstream-unreachable";
        fail(new ProviderFailure(
                type, "The upstream could not be reached: " + cause.getClass().getSimpleName(), 0));
    }

    /** Stops reading and the HTTP exchange; no callback follows. */
    public void cancel() {
        cancelled = true;
        StreamTransport.Exchange current = exchange;
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

    /** A dispatched event (from the decoder): the dialect reads it; a malformed one ends the generation. */
    final void event(String name, String data) {
        if (isEnded()) {
            return;
        }
        try {
            onEvent(name, data);
        } catch (jakarta.json.JsonException | ClassCastException | NullPointerException e) {
            fail(new ProviderFailure("upstream-malformed", "The upstream sent an event that is not valid JSON", 0));
            cancel();
        }
    }

    /** A whole line (from the decoder, in {@link #linePerEvent()} mode): every non-blank one is an event's data. */
    final void line(String line) {
        if (!line.isBlank()) {
            event(null, line);
        }
    }

    private SseDecoder decoder() {
        if (decoder == null) {
            decoder = new SseDecoder(this, linePerEvent());
        }
        return decoder;
    }
}
