package org.switchboard.core.providers.control;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

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
    static final String INVALID_SETTINGS = "invalid-provider-settings";

    private static final int MAX_CACHED_MAPPINGS = 256;
    private static final int MAX_ERROR_DETAIL = 300;
    /** json-smart's {@code JSONParser.MODE_RFC4627}: strict JSON; json-smart is only a runtime dependency. */
    private static final int STRICT_JSON = 4752;

    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(STRICT_JSON))
            .mappingProvider(new JsonSmartMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final String HINT = "hint:";
    private static final List<String> PLACEHOLDERS = List.of(
            "messages",
            "messages_without_system",
            "prompt",
            "system",
            "model",
            "max_tokens",
            "temperature",
            "top_p",
            "stop",
            "api_key");
    private static final Set<String> SETTINGS = Set.of(
            "path",
            "method",
            "headers",
            "auth_header",
            "auth_scheme",
            "request_template",
            "framing",
            "text_path",
            "input_tokens_path",
            "output_tokens_path",
            "error_path",
            "event_path",
            "conversation_path",
            "end_markers",
            "ignore_events");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
    private static final JsonObject DEFAULT_TEMPLATE = JsonP.createReader(
                    new StringReader("{\"model\":\"{{model}}\",\"messages\":\"{{messages}}\",\"stream\":true,"
                            + "\"max_tokens\":\"{{max_tokens}}\",\"temperature\":\"{{temperature}}\","
                            + "\"top_p\":\"{{top_p}}\",\"stop\":\"{{stop}}\"}"))
            .readObject();

    private final HttpClient http;
    private final Map<JsonObject, Mapping> mappings = new ConcurrentHashMap<>();

    public MappedAdapter(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
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
        Mapping mapping = mapping(upstream.settings());
        HttpRequest call = mapping.request(upstream, request);
        MappedStream stream = new MappedStream(mapping, listener);
        return stream.start(http, call);
    }

    /** The compiled settings, parsed once per distinct settings object. */
    Mapping mapping(JsonObject settings) {
        Mapping cached = mappings.get(settings);
        if (cached != null) {
            return cached;
        }
        Mapping parsed = Mapping.parse(settings);
        if (mappings.size() >= MAX_CACHED_MAPPINGS) {
            mappings.clear(); // providers are few; a flood of distinct settings only costs recompiling
        }
        mappings.put(settings, parsed);
        return parsed;
    }

    /** A reader of one stream configured by {@code settings}, for tests that feed it lines. */
    static SseExchange stream(JsonObject settings, GenerationListener listener) {
        return new MappedStream(Mapping.parse(settings), listener);
    }

    /** The settings, checked and compiled. */
    record Mapping(
            String path,
            String method,
            Map<String, String> headers,
            String authHeader,
            String authScheme,
            boolean placesKey,
            JsonValue template,
            boolean ndjson,
            JsonPath textPath,
            JsonPath inputTokensPath,
            JsonPath outputTokensPath,
            JsonPath errorPath,
            JsonPath eventPath,
            JsonPath conversationPath,
            Set<String> endMarkers,
            Set<String> ignoreEvents) {

        static Mapping parse(JsonObject settings) {
            for (String name : settings.keySet()) {
                if (!SETTINGS.contains(name)) {
                    throw invalid("unknown setting \"" + name + "\"; the settings are " + new TreeSet<>(SETTINGS));
                }
            }
            String path = string(settings, "path", "/chat/completions");
            if (!path.startsWith("/")) {
                throw invalid("path must start with \"/\", got \"" + path + "\"");
            }
            placeholders("path", path);
            try {
                URI.create("http://localhost" + PLACEHOLDER.matcher(path).replaceAll("x"));
            } catch (IllegalArgumentException e) {
                throw invalid("path \"" + path + "\" is not a valid URL path: " + e.getMessage());
            }
            String method = string(settings, "method", "POST").toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw invalid("method must be POST, PUT or PATCH, got \"" + method + "\"");
            }
            Map<String, String> headers = headers(settings);
            String authHeader = string(settings, "auth_header", "Authorization");
            if (!authHeader.isEmpty()) {
                checkHeader("auth_header", authHeader, "key");
            }
            String authScheme = string(settings, "auth_scheme", "Bearer");
            if (!authScheme.equals(authScheme.strip())) {
                throw invalid("auth_scheme must not start or end with spaces, got \"" + authScheme + "\"");
            }
            JsonValue template = settings.get("request_template");
            if (template == null || template.getValueType() == JsonValue.ValueType.NULL) {
                template = DEFAULT_TEMPLATE;
            } else if (!(template instanceof JsonStructure)) {
                throw invalid("request_template must be a JSON object or array, got " + template);
            }
            List<String> templateStrings = new ArrayList<>();
            strings(template, templateStrings);
            for (String text : templateStrings) {
                placeholders("request_template", text);
            }
            boolean placesKey = usesKey(path)
                    || headers.values().stream().anyMatch(Mapping::usesKey)
                    || templateStrings.stream().anyMatch(Mapping::usesKey);
            String framing = string(settings, "framing", "sse");
            if (!framing.equals("sse") && !framing.equals("ndjson")) {
                throw invalid("framing must be \"sse\" or \"ndjson\", got \"" + framing + "\"");
            }
            Set<String> endMarkers = names(settings, "end_markers", Set.of("[DONE]"));
            if (endMarkers.isEmpty()) {
                throw invalid("end_markers must name at least one marker: without one every stream ends as cut");
            }
            return new Mapping(
                    path,
                    method,
                    headers,
                    authHeader,
                    authScheme,
                    placesKey,
                    template,
                    framing.equals("ndjson"),
                    jsonPath(settings, "text_path", "$.choices[0].delta.content"),
                    jsonPath(settings, "input_tokens_path", null),
                    jsonPath(settings, "output_tokens_path", null),
                    jsonPath(settings, "error_path", null),
                    jsonPath(settings, "event_path", null),
                    jsonPath(settings, "conversation_path", null),
                    endMarkers,
                    names(settings, "ignore_events", Set.of("ping")));
        }

        /** The upstream request for {@code chat}: URL, method, headers and the filled template. */
        HttpRequest request(Upstream upstream, ChatRequest chat) {
            Values values = new Values(upstream, chat);
            JsonValue filled = fill(template, values);
            String body = (filled == null ? JsonValue.NULL : filled).toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream.url(text(path, values, true))))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json")
                    .header("Accept", ndjson ? "application/x-ndjson" : "text/event-stream");
            headers.forEach((name, value) -> {
                if (complete(value, values)) {
                    request.setHeader(name, text(value, values, false));
                }
            });
            String key = upstream.apiKey();
            if (key != null && !placesKey && !authHeader.isEmpty() && !hasHeader(authHeader)) {
                request.setHeader(authHeader, authScheme.isEmpty() ? key : authScheme + " " + key);
            }
            return request.build();
        }

        private boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
        }

        private static Map<String, String> headers(JsonObject settings) {
            JsonValue value = settings.get("headers");
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return Map.of();
            }
            if (!(value instanceof JsonObject object)) {
                throw invalid("headers must be an object of header names to string values, got " + value);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            object.forEach((name, headerValue) -> {
                if (!(headerValue instanceof JsonString text)) {
                    throw invalid("headers." + name + " must be a string, got " + headerValue);
                }
                placeholders("headers." + name, text.getString());
                checkHeader(
                        "headers." + name,
                        name,
                        PLACEHOLDER.matcher(text.getString()).replaceAll("x"));
                headers.put(name, text.getString());
            });
            return Collections.unmodifiableMap(headers);
        }

        private static void checkHeader(String setting, String name, String sample) {
            try {
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, sample);
            } catch (IllegalArgumentException e) {
                throw invalid(
                        setting + ": \"" + name + "\" cannot be sent as a request header (" + e.getMessage() + ")");
            }
        }

        private static String string(JsonObject settings, String name, String fallback) {
            JsonValue value = settings.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return fallback;
            }
            if (value instanceof JsonString text) {
                return text.getString();
            }
            throw invalid(name + " must be a string, got " + value);
        }

        private static Set<String> names(JsonObject settings, String name, Set<String> fallback) {
            JsonValue value = settings.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return fallback;
            }
            if (!(value instanceof JsonArray array)) {
                throw invalid(name + " must be an array of strings, got " + value);
            }
            Set<String> names = new LinkedHashSet<>();
            for (JsonValue element : array) {
                if (!(element instanceof JsonString text)) {
                    throw invalid(name + " must be an array of strings, got " + value);
                }
                names.add(text.getString());
            }
            return Collections.unmodifiableSet(names);
        }

        private static JsonPath jsonPath(JsonObject settings, String name, String fallback) {
            String text = string(settings, name, fallback);
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                throw invalid(name + " must be a JSONPath such as \"$.choices[0].delta.content\", got \"\"");
            }
            try {
                return JsonPath.compile(text);
            } catch (JsonPathException | IllegalArgumentException e) {
                throw invalid(name + " is not a valid JSONPath: \"" + text + "\" (" + e.getMessage() + ")");
            }
        }

        private static void strings(JsonValue value, List<String> into) {
            if (value instanceof JsonString text) {
                into.add(text.getString());
            } else if (value instanceof JsonObject object) {
                object.values().forEach(member -> strings(member, into));
            } else if (value instanceof JsonArray array) {
                array.forEach(element -> strings(element, into));
            }
        }

        private static void placeholders(String setting, String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1);
                boolean known = PLACEHOLDERS.contains(name) || (name.startsWith(HINT) && name.length() > HINT.length());
                if (!known) {
                    throw invalid(setting + " uses the unknown placeholder {{" + name + "}}; the placeholders are "
                            + PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").collect(Collectors.joining(", "))
                            + " and {{hint:NAME}}");
                }
            }
        }

        private static boolean usesKey(String text) {
            return text.contains("{{api_key}}");
        }

        private static InvalidInput invalid(String message) {
            return new InvalidInput(INVALID_SETTINGS, "Invalid settings for the mapped adapter: " + message);
        }

        /** The template with its placeholders filled; null when it is one placeholder without a value. */
        private static JsonValue fill(JsonValue template, Values values) {
            if (template instanceof JsonString string) {
                String text = string.getString();
                Matcher whole = PLACEHOLDER.matcher(text);
                if (whole.matches()) {
                    return values.get(whole.group(1));
                }
                return text.contains("{{") ? JsonP.createValue(text(text, values, false)) : template;
            }
            if (template instanceof JsonObject object) {
                JsonObjectBuilder filled = JsonP.createObjectBuilder();
                object.forEach((name, member) -> {
                    JsonValue value = fill(member, values);
                    if (value != null) {
                        filled.add(name, value);
                    }
                });
                return filled.build();
            }
            if (template instanceof JsonArray array) {
                JsonArrayBuilder filled = JsonP.createArrayBuilder();
                for (JsonValue element : array) {
                    JsonValue value = fill(element, values);
                    if (value != null) {
                        filled.add(value);
                    }
                }
                return filled.build();
            }
            return template;
        }

        /** {@code text} with every placeholder replaced by its value as text ({@code ""} when absent). */
        private static String text(String text, Values values, boolean urlEncoded) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                JsonValue value = values.get(matcher.group(1));
                String replacement =
                        value == null ? "" : value instanceof JsonString string ? string.getString() : value.toString();
                if (urlEncoded) {
                    replacement = URLEncoder.encode(replacement, StandardCharsets.UTF_8)
                            .replace("+", "%20");
                }
                matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(filled);
            return filled.toString();
        }

        /** Whether every placeholder in {@code text} has a value. */
        private static boolean complete(String text, Values values) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (values.get(matcher.group(1)) == null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A request's placeholder values; null when the request has none. */
    private record Values(Upstream upstream, ChatRequest request) {
        JsonValue get(String name) {
            if (name.startsWith(HINT)) {
                String hint = request.hints().get(name.substring(HINT.length()));
                return hint == null ? null : JsonP.createValue(hint);
            }
            return switch (name) {
                case "messages" -> messages(true);
                case "messages_without_system" -> messages(false);
                case "prompt" -> request.messages().stream()
                        .filter(m -> "user".equals(m.role()))
                        .reduce((first, second) -> second)
                        .map(m -> (JsonValue) JsonP.createValue(content(m)))
                        .orElse(null);
                case "system" -> {
                    String system = request.messages().stream()
                            .filter(m -> "system".equals(m.role()))
                            .map(Values::content)
                            .collect(Collectors.joining("\n\n"));
                    yield system.isEmpty() ? null : JsonP.createValue(system);
                }
                case "model" -> upstream.model() == null ? null : JsonP.createValue(upstream.model());
                case "max_tokens" -> request.maxTokens() == null
                        ? null
                        : JsonP.createArrayBuilder()
                                .add(request.maxTokens())
                                .build()
                                .get(0);
                case "temperature" -> number(request.temperature());
                case "top_p" -> number(request.topP());
                case "stop" -> {
                    if (request.stop().isEmpty()) {
                        yield null;
                    }
                    JsonArrayBuilder stop = JsonP.createArrayBuilder();
                    request.stop().forEach(stop::add);
                    yield stop.build();
                }
                case "api_key" -> upstream.apiKey() == null ? null : JsonP.createValue(upstream.apiKey());
                default -> null;
            };
        }

        private JsonValue messages(boolean withSystem) {
            JsonArrayBuilder messages = JsonP.createArrayBuilder();
            for (ChatMessage message : request.messages()) {
                if (withSystem || !"system".equals(message.role())) {
                    messages.add(JsonP.createObjectBuilder()
                            .add("role", message.role())
                            .add("content", content(message)));
                }
            }
            return messages.build();
        }

        private static String content(ChatMessage message) {
            return message.content() == null ? "" : message.content();
        }

        private static JsonValue number(Double value) {
            return value == null
                    ? null
                    : JsonP.createArrayBuilder().add(value).build().get(0);
        }
    }

    /** One streamed answer read through the mapping's JSONPaths. */
    private static final class MappedStream extends SseExchange {
        private final Mapping mapping;
        private Integer inputTokens;
        private Integer outputTokens;
        private boolean conversationReported;

        MappedStream(Mapping mapping, GenerationListener listener) {
            super(listener);
            this.mapping = mapping;
        }

        @Override
        public synchronized void onNext(String line) {
            if (!mapping.ndjson()) {
                super.onNext(line);
                return;
            }
            if (isEnded() || line.isBlank()) {
                return;
            }
            try {
                onEvent(null, line);
            } catch (JsonException | ClassCastException | NullPointerException e) {
                fail(new ProviderFailure("upstream-malformed", "The upstream sent an event that is not valid JSON", 0));
                cancel();
            }
        }

        @Override
        protected void onEvent(String event, String data) {
            String raw = data.strip();
            if (mapping.endMarkers().contains(raw)) {
                end();
                return;
            }
            if (event != null && mapping.ignoreEvents().contains(event)) {
                return;
            }
            if (raw.isEmpty()) {
                return;
            }
            Object json;
            try {
                json = JSON.jsonProvider().parse(raw);
            } catch (InvalidJsonException e) {
                throw new JsonException("not JSON", e);
            }
            if (!(json instanceof Map) && !(json instanceof List)) {
                throw new JsonException("not a JSON object or array");
            }
            String name = event;
            if (mapping.eventPath() != null) {
                String named = first(read(mapping.eventPath(), json));
                name = named != null ? named : event;
            }
            if (name != null && mapping.ignoreEvents().contains(name)) {
                return;
            }
            if (mapping.errorPath() != null) {
                String error = error(read(mapping.errorPath(), json));
                if (error != null) {
                    fail(new ProviderFailure("upstream-error", error, 0));
                    return;
                }
            }
            if (mapping.conversationPath() != null && !conversationReported) {
                String conversation = first(read(mapping.conversationPath(), json));
                if (conversation != null && !conversation.isEmpty()) {
                    conversationReported = true;
                    conversation(conversation);
                }
            }
            delta(text(read(mapping.textPath(), json)));
            if (mapping.inputTokensPath() != null) {
                Integer tokens = tokens(read(mapping.inputTokensPath(), json));
                inputTokens = tokens != null ? tokens : inputTokens;
            }
            if (mapping.outputTokensPath() != null) {
                Integer tokens = tokens(read(mapping.outputTokensPath(), json));
                outputTokens = tokens != null ? tokens : outputTokens;
            }
            if (name != null && mapping.endMarkers().contains(name)) {
                end();
            }
        }

        private void end() {
            if (inputTokens != null || outputTokens != null) {
                usage(new Usage(inputTokens == null ? 0 : inputTokens, outputTokens == null ? 0 : outputTokens, false));
            }
            complete();
        }

        private static Object read(JsonPath path, Object json) {
            try {
                return path.read(json, JSON);
            } catch (JsonPathException e) {
                return null; // a path that does not fit this event's shape finds nothing
            }
        }

        /** A scalar as text; a list's first such element; null for nothing, null or an object. */
        private static String first(Object value) {
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    String text = first(element);
                    if (text != null) {
                        return text;
                    }
                }
                return null;
            }
            return value instanceof String || value instanceof Number || value instanceof Boolean
                    ? value.toString()
                    : null;
        }

        /** The delta text: a string, or the strings of a list joined. */
        private static String text(Object value) {
            if (value instanceof String text) {
                return text;
            }
            if (value instanceof List<?> list) {
                StringBuilder text = new StringBuilder();
                list.forEach(element -> {
                    if (element instanceof String part) {
                        text.append(part);
                    }
                });
                return text.toString();
            }
            return null;
        }

        private static Integer tokens(Object value) {
            String text = first(value);
            if (text == null) {
                return null;
            }
            try {
                return (int) Math.max(0, Math.min(Integer.MAX_VALUE, new java.math.BigDecimal(text).longValue()));
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }

        /** The error's message, or null when the error path found no error. */
        private static String error(Object value) {
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    String message = error(element);
                    if (message != null) {
                        return message;
                    }
                }
                return null;
            }
            String message;
            if (value == null || Boolean.FALSE.equals(value)) {
                return null;
            } else if (Boolean.TRUE.equals(value)) {
                message = "The upstream reported an error";
            } else if (value instanceof Map<?, ?> object) {
                message = object.get("message") instanceof String text
                        ? text
                        : JSON.jsonProvider().toJson(object);
            } else {
                message = value.toString();
            }
            if (message.isBlank()) {
                return null;
            }
            return message.length() > MAX_ERROR_DETAIL ? message.substring(0, MAX_ERROR_DETAIL) + "…" : message;
        }
    }
}
