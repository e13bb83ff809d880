package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ProviderFailure;

/**
 * Dify's stream: every event a {@code data:} JSON object naming itself in {@code event} (only keep-alive
 * pings come as a bare {@code event: ping}). Remembers the {@code task_id} a cancel needs to stop the task.
 */
abstract class DifyStream extends SseExchange {
    private static final int MAX_DETAIL = 300;

    private volatile String taskId;
    private volatile boolean finished;
    private boolean streamed;

    DifyStream(GenerationListener listener) {
        super(listener);
    }

    /** One event, by the name in its JSON. Unknown events (Dify adds new ones) are ignored. */
    abstract void handle(String event, JsonObject json);

    @Override
    protected final void onEvent(String event, String data) {
        JsonObject json = JsonP.parseObject(data);
        if (taskId == null && json.get("task_id") instanceof JsonString task) {
            taskId = task.getString();
        }
        String name = json.get("event") instanceof JsonString named ? named.getString() : event;
        handle(name == null ? "" : name, json);
    }

    @Override
    protected void onStreamEnd() {
        finished = true;
        super.onStreamEnd();
    }

    /** The task Dify is still running, or null when it ended it or never named it. */
    String runningTask() {
        return finished ? null : taskId;
    }

    /** Dify ended the task: a cancel has nothing left to stop. */
    void finished() {
        finished = true;
    }

    boolean streamed() {
        return streamed;
    }

    void text(String text) {
        if (!text.isEmpty()) {
            streamed = true;
            delta(text);
        }
    }

    /**
     * Output moderation replaced the whole answer. Text already streamed cannot be taken back, so a
     * replacement after it ends the generation as refused; one before any text simply is the answer.
     */
    void replace(String answer) {
        if (streamed) {
            fail(business("The upstream replaced the answer (content moderation)"));
        } else {
            text(answer);
        }
    }

    void error(JsonObject json) {
        finished();
        fail(streamError(json));
    }

    /**
     * An {@code error} event: Dify's own status ({@code 400} for most app and model errors), {@code code} and
     * {@code message}. A model provider failure inside Dify ({@code completion_request_error}) is not the
     * caller's fault, so it is an upstream error rather than a bad request; an exhausted model quota is a quota.
     */
    static ProviderFailure streamError(JsonObject event) {
        int status = event.getInt("status", 0);
        String code = event.getString("code", "");
        String type =
                switch (code) {
                    case "provider_quota_exceeded", "rate_limit_error" -> "upstream-quota";
                    case "completion_request_error", "internal_server_error" -> "upstream-error";
                    default -> switch (status) {
                        case 429 -> "upstream-quota";
                        case 401, 403 -> "upstream-auth";
                        case 400 -> "upstream-bad-request";
                        default -> "upstream-error";
                    };
                };
        String message = event.getString("message", "no message");
        String detail = "The upstream reported an error" + (code.isEmpty() ? "" : " (" + code + ")") + ": "
                + (message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message);
        return new ProviderFailure(type, detail, status);
    }

    static ProviderFailure business(String detail) {
        return new ProviderFailure("upstream-business", detail, 0);
    }
}
