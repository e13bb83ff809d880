package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.control.transport.UpstreamCall;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * A Dify app through Dify's Service API (the app's own API key, base URL such as {@code https://api.dify.ai/v1};
 * request and event shapes as documented in langgenius/dify {@code web/app/components/develop/template/
 * template_chat.en.mdx}, {@code template_advanced_chat.en.mdx} and {@code template_workflow.en.mdx}).
 *
 * <p>Settings: {@code app_type} {@code chat} (the default; also chatflow and agent apps, which Dify serves on
 * the same endpoint) or {@code workflow}; {@code inputs}, an object of the app's input variables; {@code user},
 * the end-user id when the request has no {@code dify.user} hint; for workflows {@code query_input}, the input
 * variable that receives the user message (default {@code query}), and {@code output_key}, the output to answer
 * with when the workflow streamed no text.
 *
 * <p>A Dify app owns its prompt, model and model parameters, and a chat app keeps its history by
 * {@code conversation_id}: only the last user message is sent, as {@code query}. Earlier and system messages
 * are not; a follow-up continues Dify's conversation through the {@code dify.conversation_id} hint, the id this
 * adapter reported with {@link GenerationListener#onConversation}. The upstream's {@code model} is a label only.
 *
 * <p>Cancelling also asks Dify to stop the task ({@code POST /chat-messages/{task_id}/stop} or
 * {@code /workflows/tasks/{task_id}/stop}, https://docs.dify.ai/en/api-reference/chat-messages/stop-chat-message-generation),
 * since Dify may keep generating, and billing, after the connection closes.
 */
public final class DifyApps implements ProviderAdapter {
    /** Request hint: the Dify conversation a follow-up continues. */
    public static final String HINT_CONVERSATION = "dify.conversation_id";
    /** Request hint: the Dify end-user id; overrides the {@code user} setting. */
    public static final String HINT_USER = "dify.user";

    static final String DEFAULT_USER = "switchboard";

    private final HttpClient http;
    private final StreamTransport streams;

    /** Streams through {@code http} as well. */
    public DifyApps(HttpClient http) {
        this(http, new JdkTransport(http));
    }

    /** The stream through {@code streams}, the stop call (one-shot) through {@code http}. */
    public DifyApps(HttpClient http, StreamTransport streams) {
        this.http = http;
        this.streams = streams;
    }

    @Override
    public String kind() {
        return "dify";
    }

    @Override
    public void validate(Upstream upstream, ChatRequest request) {
        AppType type = AppType.of(upstream.settings());
        inputs(upstream.settings());
        setting(upstream.settings(), "user", DEFAULT_USER);
        if (type == AppType.WORKFLOW) {
            setting(upstream.settings(), "query_input", "query");
            setting(upstream.settings(), "output_key", null);
        }
        if (query(request).isEmpty()) {
            throw new InvalidInput("invalid-request", "A Dify app needs a user message to send as its query");
        }
    }

    @Override
    public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
        AppType type = AppType.of(upstream.settings());
        String user = user(upstream, request);
        DifyStream reader = type == AppType.CHAT
                ? new DifyChatStream(listener)
                : new DifyWorkflowStream(listener, setting(upstream.settings(), "output_key", null));
        String body = type == AppType.CHAT ? chatBody(upstream, request, user) : workflowBody(upstream, request, user);
        UpstreamCall run = UpstreamCall.post(URI.create(upstream.url(type.runPath())), body);
        headers(upstream, run::header);
        Generation exchange = reader.start(streams, run);
        return () -> {
            exchange.cancel();
            String task = reader.runningTask();
            if (task != null) { // fire and forget: the generation is over for us whatever Dify answers
                String stop =
                        JsonP.createObjectBuilder().add("user", user).build().toString();
                http.sendAsync(post(upstream, type.stopPath(task), stop), HttpResponse.BodyHandlers.discarding());
            }
        };
    }

    private static String chatBody(Upstream upstream, ChatRequest request, String user) {
        JsonObjectBuilder body = JsonP.createObjectBuilder()
                .add("inputs", inputs(upstream.settings()))
                .add("query", query(request).orElse(""))
                .add("response_mode", "streaming")
                .add("user", user);
        String conversation = request.hints().get(HINT_CONVERSATION);
        if (conversation != null && !conversation.isBlank()) {
            body.add("conversation_id", conversation);
        }
        return body.build().toString();
    }

    private static String workflowBody(Upstream upstream, ChatRequest request, String user) {
        JsonObjectBuilder inputs = JsonP.createObjectBuilder();
        inputs(upstream.settings()).forEach(inputs::add);
        inputs.add(
                setting(upstream.settings(), "query_input", "query"),
                query(request).orElse(""));
        return JsonP.createObjectBuilder()
                .add("inputs", inputs)
                .add("response_mode", "streaming")
                .add("user", user)
                .build()
                .toString();
    }

    private static HttpRequest post(Upstream upstream, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(upstream.url(path))).POST(HttpRequest.BodyPublishers.ofString(body));
        headers(upstream, request::header);
        return request.build();
    }

    private static void headers(Upstream upstream, java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Type", "application/json");
        header.accept("Accept", "text/event-stream");
        if (upstream.apiKey() != null) {
            header.accept("Authorization", "Bearer " + upstream.apiKey());
        }
    }

    /** The last user message: Dify keeps the rest of the conversation itself. */
    private static Optional<String> query(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if ("user".equals(message.role())
                    && message.content() != null
                    && !message.content().isBlank()) {
                return Optional.of(message.content());
            }
        }
        return Optional.empty();
    }

    private static String user(Upstream upstream, ChatRequest request) {
        String hinted = request.hints().get(HINT_USER);
        return hinted != null && !hinted.isBlank() ? hinted : setting(upstream.settings(), "user", DEFAULT_USER);
    }

    private static JsonObject inputs(JsonObject settings) {
        JsonValue inputs = settings.get("inputs");
        if (inputs == null || inputs == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (inputs instanceof JsonObject object) {
            return object;
        }
        throw new InvalidInput("invalid-provider-settings", "The Dify setting 'inputs' must be a JSON object");
    }

    private static String setting(JsonObject settings, String name, String fallback) {
        JsonValue value = settings.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        throw new InvalidInput(
                "invalid-provider-settings", "The Dify setting '" + name + "' must be a non-empty string");
    }

    /** Which Dify endpoint family an app uses. */
    enum AppType {
        CHAT,
        WORKFLOW;

        static AppType of(JsonObject settings) {
            String value = setting(settings, "app_type", "chat").toLowerCase(Locale.ROOT);
            return switch (value) {
                case "chat", "agent-chat", "advanced-chat", "chatflow", "agent" -> CHAT;
                case "workflow" -> WORKFLOW;
                default -> throw new InvalidInput(
                        "invalid-provider-settings",
                        "Unknown Dify app_type '" + value
                                + "'; expected chat (also agent and chatflow apps) or workflow");
            };
        }

        String runPath() {
            return this == CHAT ? "/chat-messages" : "/workflows/run";
        }

        String stopPath(String taskId) {
            String task = URLEncoder.encode(taskId, StandardCharsets.UTF_8);
            return this == CHAT ? "/chat-messages/" + task + "/stop" : "/workflows/tasks/" + task + "/stop";
        }
    }
}
