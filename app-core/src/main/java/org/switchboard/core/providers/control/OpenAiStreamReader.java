package org.switchboard.core.providers.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * Reads an OpenAI streaming response ({@code data: <chunk>} lines, {@code data: [DONE]}) into normalized
 * callbacks: {@code choices[0].delta.content} as deltas, the {@code usage} chunk as usage, an {@code error}
 * object as a failure. A stream that ends without {@code [DONE]} is a cut, never a success.
 */
final class OpenAiStreamReader implements HttpResponse.BodyHandler<Void>, Flow.Subscriber<String> {
    private final GenerationListener listener;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private boolean ended;

    OpenAiStreamReader(GenerationListener listener) {
        this.listener = listener;
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
        if (info.statusCode() / 100 != 2) {
            return HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                        fail(new ProviderFailure(
                                statusType(info.statusCode()),
                                "The upstream answered HTTP " + info.statusCode() + ": " + abbreviate(body),
                                info.statusCode()));
                        return null;
                    });
        }
        return HttpResponse.BodySubscribers.fromLineSubscriber(this, subscriber -> null, StandardCharsets.UTF_8, null);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        if (ended || cancelled || !line.startsWith("data:")) {
            return; // blank separators, comments and event: lines carry nothing we need
        }
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) {
            end();
            listener.onComplete();
            return;
        }
        try {
            chunk(JsonP.createReader(new StringReader(data)).readObject());
        } catch (JsonException | ClassCastException e) {
            fail(new ProviderFailure("upstream-malformed", "The upstream sent a chunk that is not valid JSON", 0));
            cancel();
        }
    }

    private void chunk(JsonObject chunk) {
        if (chunk.get("error") instanceof JsonObject error) {
            fail(new ProviderFailure(
                    "upstream-error", error.getString("message", "The upstream reported an error"), 0));
            return;
        }
        if (chunk.get("choices") instanceof JsonArray choices
                && !choices.isEmpty()
                && choices.getJsonObject(0).get("delta") instanceof JsonObject delta
                && delta.get("content") instanceof JsonString content) {
            listener.onDelta(content.getString());
        }
        if (chunk.get("usage") instanceof JsonObject usage
                && usage.get("prompt_tokens") != null
                && usage.get("prompt_tokens").getValueType() == JsonValue.ValueType.NUMBER) {
            listener.onUsage(new Usage(usage.getInt("prompt_tokens"), usage.getInt("completion_tokens", 0), false));
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        failed(failure);
    }

    @Override
    public synchronized void onComplete() {
        fail(new ProviderFailure("upstream-cut", "The upstream closed the stream before it was complete", 0));
    }

    synchronized void failed(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String type = cause instanceof HttpTimeoutException ? "upstream-timeout" : "upstream-unreachable";
        fail(new ProviderFailure(type, "The upstream could not be reached: " + cause, 0));
    }

    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private synchronized void fail(ProviderFailure failure) {
        if (!ended && !cancelled) {
            end();
            listener.onError(failure);
        }
    }

    private void end() {
        ended = true;
    }

    private static String statusType(int status) {
        return switch (status) {
            case 401, 403 -> "upstream-auth";
            case 429 -> "upstream-quota";
            case 400, 404, 422 -> "upstream-bad-request";
            default -> "upstream-error";
        };
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
