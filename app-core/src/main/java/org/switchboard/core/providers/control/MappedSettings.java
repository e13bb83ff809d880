package org.switchboard.core.providers.control;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;

/**
 * The {@link MappedAdapter}'s settings (documented there), checked and compiled: unknown settings, bad
 * JSONPath syntax, unknown placeholders and unknown framings are {@code invalid-provider-settings}.
 */
record MappedSettings(
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
    static final String INVALID_SETTINGS = "invalid-provider-settings";

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

    static MappedSettings parse(JsonObject settings) {
        for (String name : settings.keySet()) {
            if (!SETTINGS.contains(name)) {
                throw invalid("unknown setting \"" + name + "\"; the settings are " + new TreeSet<>(SETTINGS));
            }
        }
        String path = string(settings, "path", "/chat/completions");
        if (!path.startsWith("/")) {
            throw invalid("path must start with \"/\", got \"" + path + "\"");
        }
        MappedTemplate.placeholders("path", path);
        try {
            URI.create("http://localhost"
                    + MappedTemplate.PLACEHOLDER.matcher(path).replaceAll("x"));
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
            MappedTemplate.placeholders("request_template", text);
        }
        boolean placesKey = MappedTemplate.usesKey(path)
                || headers.values().stream().anyMatch(MappedTemplate::usesKey)
                || templateStrings.stream().anyMatch(MappedTemplate::usesKey);
        String framing = string(settings, "framing", "sse");
        if (!framing.equals("sse") && !framing.equals("ndjson")) {
            throw invalid("framing must be \"sse\" or \"ndjson\", got \"" + framing + "\"");
        }
        Set<String> endMarkers = names(settings, "end_markers", Set.of("[DONE]"));
        if (endMarkers.isEmpty()) {
            throw invalid("end_markers must name at least one marker: without one every stream ends as cut");
        }
        return new MappedSettings(
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

    static InvalidInput invalid(String message) {
        return new InvalidInput(INVALID_SETTINGS, "Invalid settings for the mapped adapter: " + message);
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
            MappedTemplate.placeholders("headers." + name, text.getString());
            checkHeader(
                    "headers." + name,
                    name,
                    MappedTemplate.PLACEHOLDER.matcher(text.getString()).replaceAll("x"));
            headers.put(name, text.getString());
        });
        return Collections.unmodifiableMap(headers);
    }

    private static void checkHeader(String setting, String name, String sample) {
        try {
            HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, sample);
        } catch (IllegalArgumentException e) {
            throw invalid(setting + ": \"" + name + "\" cannot be sent as a request header (" + e.getMessage() + ")");
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
}
