package org.switchboard.core.providers.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.control.transport.UpstreamCall;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * Anthropic's Messages API ({@code POST {baseUrl}/v1/messages}, https://docs.claude.com/en/api/messages),
 * always streamed (https://docs.claude.com/en/docs/build-with-claude/streaming). {@code baseUrl} is the
 * API root without {@code /v1}, e.g. {@code https://api.anthropic.com}.
 *
 * <p>Request: {@code model} is the upstream's model name, never the one the client asked for. Anthropic has no
 * system role in {@code messages}: every {@code system} (and OpenAI's newer {@code developer}) message, wherever
 * it stands, goes into the top-level {@code system} string, joined by a blank line in the order given.
 * {@code assistant} messages stay assistant turns; every other role is a user turn. Anthropic wants turns
 * that alternate and start with the user, and rejects empty text, so the adapter
 * <ul>
 *   <li>drops messages whose content is empty,
 *   <li>merges consecutive turns of the same role into one, their contents joined by a blank line (what
 *       Anthropic itself does with consecutive same-role turns),
 *   <li>puts a user turn holding {@value #LEADING_USER_TURN} before a conversation whose first turn is the
 *       assistant's (a greeting a chat UI shows, say), so the request is still served,
 *   <li>rejects in {@link #validate} a request with no user or assistant turn at all (only a system prompt):
 *       there is nothing to answer.
 * </ul>
 * A last assistant turn is sent as it is: Anthropic continues it (prefill). {@code max_tokens} is required by
 * Anthropic: the request's, else the provider setting {@code default_max_tokens}, else
 * {@value #DEFAULT_MAX_TOKENS}. {@code temperature} (Anthropic accepts 0–1; a larger value is answered 400),
 * {@code top_p} and {@code stop} (as {@code stop_sequences}) are sent when the request has them. The provider
 * setting {@code anthropic_version} overrides the {@code anthropic-version} header ({@value #API_VERSION}).
 *
 * <p>The stream is read by {@link AnthropicStream}: deltas, usage, and the classification of its error events.
 */
public final class AnthropicMessages implements ProviderAdapter {
    static final String API_VERSION = "2023-06-01";
    static final int DEFAULT_MAX_TOKENS = 4096;
    static final String LEADING_USER_TURN = ".";

    private static final String SETTING_MAX_TOKENS = "default_max_tokens";
    private static final String SETTING_VERSION = "anthropic_version";

    private final StreamTransport streams;

    /** Streams through {@code http}. */
    public AnthropicMessages(HttpClient http) {
        this(new JdkTransport(http));
    }

    public AnthropicMessages(StreamTransport streams) {
        this.streams = streams;
    }

    @Override
    public String kind() {
        return "anthropic";
    }

    @Override
    public void validate(Upstream upstream, ChatRequest request) {
        JsonValue maxTokens = upstream.settings().get(SETTING_MAX_TOKENS);
        if (maxTokens != null
                && !(maxTokens instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 1)) {
            throw new InvalidInput(
                    "invalid-provider-settings", "The anthropic setting default_max_tokens must be a positive integer");
        }
        JsonValue version = upstream.settings().get(SETTING_VERSION);
        if (version != null
                && !(version instanceof JsonString text && !text.getString().isBlank())) {
            throw new InvalidInput(
                    "invalid-provider-settings", "The anthropic setting anthropic_version must be a non-empty string");
        }
        if (turns(request.messages()).isEmpty()) {
            throw new InvalidInput(
                    "invalid-messages",
                    "An Anthropic upstream needs at least one non-empty user or assistant message besides the"
                            + " system prompt");
        }
    }

    @Override
    public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
        UpstreamCall call = UpstreamCall.post(URI.create(upstream.url("/v1/messages")), body(upstream, request))
                .header("anthropic-version", upstream.settings().getString(SETTING_VERSION, API_VERSION))
                .header("content-type", "application/json")
                .header("accept", "text/event-stream");
        if (upstream.apiKey() != null) {
            call.header("x-api-key", upstream.apiKey());
        }
        return new AnthropicStream(listener).start(streams, call);
    }

    /** The Messages API request body, streamed. */
    static String body(Upstream upstream, ChatRequest request) {
        int maxTokens = request.maxTokens() != null
                ? request.maxTokens()
                : upstream.settings().getInt(SETTING_MAX_TOKENS, DEFAULT_MAX_TOKENS);
        JsonObjectBuilder json =
                JsonP.createObjectBuilder().add("model", upstream.model()).add("max_tokens", maxTokens);
        String system = system(request.messages());
        if (!system.isEmpty()) {
            json.add("system", system);
        }
        JsonArrayBuilder messages = JsonP.createArrayBuilder();
        for (ChatMessage turn : turns(request.messages())) {
            messages.add(JsonP.createObjectBuilder().add("role", turn.role()).add("content", turn.content()));
        }
        json.add("messages", messages);
        if (request.temperature() != null) {
            json.add("temperature", request.temperature());
        }
        if (request.topP() != null) {
            json.add("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            JsonArrayBuilder stop = JsonP.createArrayBuilder();
            request.stop().forEach(stop::add);
            json.add("stop_sequences", stop);
        }
        return json.add("stream", true).build().toString();
    }

    private static boolean isSystem(ChatMessage message) {
        return "system".equals(message.role()) || "developer".equals(message.role());
    }

    private static String system(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        for (ChatMessage message : messages) {
            if (isSystem(message)
                    && message.content() != null
                    && !message.content().isEmpty()) {
                if (!system.isEmpty()) {
                    system.append("\n\n");
                }
                system.append(message.content());
            }
        }
        return system.toString();
    }

    /** The user and assistant turns, alternating and starting with the user (see the class comment). */
    static List<ChatMessage> turns(List<ChatMessage> messages) {
        List<ChatMessage> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (isSystem(message)
                    || message.content() == null
                    || message.content().isEmpty()) {
                continue;
            }
            String role = "assistant".equals(message.role()) ? "assistant" : "user";
            if (turns.isEmpty() && role.equals("assistant")) {
                turns.add(new ChatMessage("user", LEADING_USER_TURN));
            }
            ChatMessage last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role().equals(role)) {
                turns.set(turns.size() - 1, new ChatMessage(role, last.content() + "\n\n" + message.content()));
            } else {
                turns.add(new ChatMessage(role, message.content()));
            }
        }
        return turns;
    }
}
