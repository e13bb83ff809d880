package org.switchboard.core.providers.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * Reads the stream of Anthropic's Messages API (https://docs.claude.com/en/docs/build-with-claude/streaming) into
 * normalized callbacks. {@code content_block_delta} events with a {@code text_delta} are the deltas; other blocks
 * (thinking, tool use) are not relayed. Usage is reported once, just before completion at {@code message_stop}:
 * input tokens from {@code message_start} ({@code input_tokens} plus the cache's {@code cache_creation_input_tokens}
 * and {@code cache_read_input_tokens}, i.e. every prompt token, as OpenAI's {@code prompt_tokens} counts them),
 * output tokens the last (cumulative) count of {@code message_delta}, or of {@code message_start} when none follows.
 * {@code ping} and event types this adapter does not know are ignored (Anthropic may add event types). An
 * {@code error} event ends the generation by its {@code error.type}: {@code rate_limit_error} is
 * {@code upstream-quota}, {@code authentication_error} and {@code permission_error} are {@code upstream-auth},
 * {@code invalid_request_error}, {@code not_found_error} and {@code request_too_large} are
 * {@code upstream-bad-request}, anything else ({@code overloaded_error}, {@code api_error}) is
 * {@code upstream-error}; its status is 0, the HTTP answer having been 200. A non-2xx answer, a cut, a malformed
 * event and a cancel are handled as for every dialect ({@link SseExchange}).
 */
final class AnthropicStream extends SseExchange {
    private boolean sawUsage;
    private int inputTokens;
    private int outputTokens;

    AnthropicStream(GenerationListener listener) {
        super(listener);
    }

    @Override
    protected void onEvent(String event, String data) {
        JsonObject json = JsonP.parseObject(data);
        switch (json.getString("type", event == null ? "" : event)) {
            case "message_start" -> count(json.getJsonObject("message").getJsonObject("usage"));
            case "content_block_delta" -> {
                JsonObject delta = json.getJsonObject("delta");
                if ("text_delta".equals(delta.getString("type", null))) {
                    delta(delta.getString("text"));
                }
            }
            case "message_delta" -> count(json.getJsonObject("usage"));
            case "message_stop" -> {
                if (sawUsage) {
                    usage(new Usage(inputTokens, outputTokens, false));
                }
                complete();
            }
            case "error" -> fail(failure(json.getJsonObject("error")));
            default -> {} // ping, content_block_start/stop, and event types added after this adapter
        }
    }

    /** Takes the counts a usage object has; {@code message_delta}'s are cumulative. */
    private void count(JsonObject usage) {
        if (usage == null) {
            return;
        }
        if (usage.get("input_tokens") instanceof JsonNumber input) {
            inputTokens = input.intValue()
                    + tokens(usage, "cache_creation_input_tokens")
                    + tokens(usage, "cache_read_input_tokens");
            sawUsage = true;
        }
        if (usage.get("output_tokens") instanceof JsonNumber output) {
            outputTokens = output.intValue();
            sawUsage = true;
        }
    }

    private static int tokens(JsonObject usage, String name) {
        return usage.get(name) instanceof JsonNumber number ? number.intValue() : 0;
    }

    static ProviderFailure failure(JsonObject error) {
        String errorType = error == null ? "" : error.getString("type", "");
        String message = error == null ? "" : error.getString("message", "");
        String type =
                switch (errorType) {
                    case "rate_limit_error" -> "upstream-quota";
                    case "authentication_error", "permission_error" -> "upstream-auth";
                    case "invalid_request_error", "not_found_error", "request_too_large" -> "upstream-bad-request";
                    default -> "upstream-error";
                };
        String detail = "The upstream reported an error"
                + (errorType.isEmpty() ? "" : " (" + errorType + ")")
                + (message.isEmpty() ? "" : ": " + abbreviate(message));
        return new ProviderFailure(type, detail, 0);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
