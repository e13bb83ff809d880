package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.control.transport.UpstreamCall;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The generic adapter, configured without code (SPEC: request template, JSONPath for text / usage / error,
 * end markers, events to ignore): it sends a request built from a JSON template and reads a streamed answer,
 * Server-Sent Events or newline-delimited JSON, event by event through JSONPaths. Everything comes from the
 * provider's {@link Upstream#settings() settings}; every setting is optional:
 *
 * <ul>
 *   <li>{@code path} (default {@code "/chat/completions"}): appended to the provider's base URL; placeholders
 *       in it are substituted URL-encoded (e.g. {@code "/models/{{model}}:stream"}).
 *   <li>{@code method} (default {@code "POST"}): {@code POST}, {@code PUT} or {@code PATCH}.
 *   <li>{@code headers} (default none): an object of extra request headers; values may use placeholders,
 *       typically {@code {{api_key}}}. A header whose placeholder has no value is not sent. They override the
 *       defaults {@code Content-Type: application/json} and {@code Accept: text/event-stream} (or
 *       {@code application/x-ndjson}).
 *   <li>{@code auth_header} (default {@code "Authorization"}) and {@code auth_scheme} (default
 *       {@code "Bearer"}; {@code ""} sends the raw key): the header that carries the provider's key when it
 *       has one. Not sent when {@code auth_header} is {@code ""}, when {@code headers} sets the same header,
 *       or when {@code path}, {@code headers} or {@code request_template} place the key themselves with
 *       {@code {{api_key}}}.
 *   <li>{@code request_template} (default OpenAI's chat body, below): a JSON object (or array) sent as the
 *       body. A string that is exactly a placeholder becomes that value with its JSON type; an object member
 *       or array element whose placeholder has no value in the request is left out. Placeholders inside a
 *       longer string are substituted as text (an absent value as {@code ""}). Placeholders:
 *       {@code {{messages}}} (the conversation, {@code [{"role":..,"content":..}]}),
 *       {@code {{messages_without_system}}} (the same without the system messages), {@code {{prompt}}} (the
 *       last user message's text), {@code {{system}}} (the system messages joined by a blank line),
 *       {@code {{model}}} (the upstream model name), {@code {{max_tokens}}}, {@code {{temperature}}},
 *       {@code {{top_p}}} (numbers), {@code {{stop}}} (an array, absent when empty), {@code {{hint:NAME}}}
 *       (the request hint NAME) and {@code {{api_key}}} (the provider's key: never in the body unless the
 *       template asks for it). An unknown placeholder is a settings error. The default is
 *       {@code {"model":"{{model}}","messages":"{{messages}}","stream":true,"max_tokens":"{{max_tokens}}",
 *       "temperature":"{{temperature}}","top_p":"{{top_p}}","stop":"{{stop}}"}}.
 *   <li>{@code framing} (default {@code "sse"}): {@code "sse"} (events of {@code event:}/{@code data:}
 *       lines) or {@code "ndjson"} (every non-blank line is one event's data, without an event name).
 *   <li>{@code text_path} (default {@code "$.choices[0].delta.content"}): the JSONPath of an event's text;
 *       a path matching several strings (e.g. {@code $.parts[*].text}) yields them joined.
 *   <li>{@code input_tokens_path}, {@code output_tokens_path} (default none): JSONPaths of the reported
 *       token counts. The last value seen of each is reported once, as usage, when the end marker arrives.
 *   <li>{@code error_path} (default none): a JSONPath that, when it yields a value in an event, fails the
 *       generation as {@code upstream-error} with that value as the message (an object's {@code message}
 *       member when it has one; {@code false} and {@code ""} count as no value).
 *   <li>{@code event_path} (default none): a JSONPath to the event's name inside its data (e.g.
 *       {@code $.event}); without it, or when it yields nothing, the SSE {@code event:} field names the
 *       event. A number or boolean names the event by its JSON text ({@code "true"}).
 *   <li>{@code conversation_path} (default none): a JSONPath to the upstream's conversation id, reported
 *       once, the first time it appears.
 *   <li>{@code end_markers} (default {@code ["[DONE]"]}): an event whose data is exactly one of these, or
 *       whose name is one, ends the generation: its text and usage count, then the usage seen is reported
 *       and the generation completes. A stream that ends before one arrives is {@code upstream-cut}.
 *   <li>{@code ignore_events} (default {@code ["ping"]}): events with one of these names (the SSE field or
 *       {@code event_path}) are skipped entirely, unparsed when the SSE field names them.
 * </ul>
 *
 * <p>Event data that is not strict JSON (RFC 8259), or is a bare JSON scalar, ends the generation as
 * {@code upstream-malformed}; empty data is skipped. Non-2xx answers, cuts, transport failures and cancels
 * behave as {@link SseExchange} documents. Settings are checked by {@link #validate}, which rejects unknown
 * settings, bad JSONPath syntax, unknown placeholders and unknown framings as
 * {@code invalid-provider-settings}; they are compiled once per distinct settings object and cached.
 */
public final class MappedAdapter implements ProviderAdapter {
    private final StreamTransport streams;
    private final MappedSettingsCache mappings = new MappedSettingsCache();

    /** Streams through {@code http}. */
    public MappedAdapter(HttpClient http) {
        this(new JdkTransport(Objects.requireNonNull(http, "http")));
    }

    public MappedAdapter(StreamTransport streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public String kind() {
        return "mapped";
    }

    @Override
    public void validate(Upstream upstream, ChatRequest request) {
        mapping(upstream.settings());
    }

    @Override
    public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
        MappedSettings mapping = mapping(upstream.settings());
        UpstreamCall call = request(mapping, upstream, request);
        MappedStream stream = new MappedStream(mapping, listener);
        return stream.start(streams, call);
    }

    /** The compiled settings, parsed once per distinct settings object. */
    MappedSettings mapping(JsonObject settings) {
        return mappings.get(settings);
    }

    /** A reader of one stream configured by {@code settings}, for tests that feed it lines. */
    static SseExchange stream(JsonObject settings, GenerationListener listener) {
        return new MappedStream(MappedSettings.parse(settings), listener);
    }

    /** The upstream request for {@code chat}: URL, method, headers and the filled template. */
    private static UpstreamCall request(MappedSettings mapping, Upstream upstream, ChatRequest chat) {
        MappedTemplate.Values values = new MappedTemplate.Values(upstream, chat);
        JsonValue filled = MappedTemplate.fill(mapping.template(), values);
        String body = (filled == null ? JsonValue.NULL : filled).toString();
        UpstreamCall request = UpstreamCall.of(
                        mapping.method(),
                        URI.create(upstream.url(MappedTemplate.text(mapping.path(), values, true))),
                        body)
                .header("Content-Type", "application/json")
                .header("Accept", mapping.ndjson() ? "application/x-ndjson" : "text/event-stream");
        mapping.headers().forEach((name, value) -> {
            if (MappedTemplate.complete(value, values)) {
                request.setHeader(name, MappedTemplate.text(value, values, false));
            }
        });
        String key = upstream.apiKey();
        if (key != null
                && !mapping.placesKey()
                && !mapping.authHeader().isEmpty()
                && !hasHeader(mapping, mapping.authHeader())) {
            String scheme = mapping.authScheme();
            request.setHeader(mapping.authHeader(), scheme.isEmpty() ? key : scheme + " " + key);
        }
        return request;
    }

    private static boolean hasHeader(MappedSettings mapping, String name) {
        return mapping.headers().keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
