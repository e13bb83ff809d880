package org.switchboard.core.providers.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The {@link MappedAdapter}'s placeholders ({@code {{name}}}): which exist, and their substitution into the
 * request template, the path and the headers with a request's values.
 */
final class MappedTemplate {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
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

    private MappedTemplate() {}

    /** Rejects an unknown placeholder in {@code text}, the value of {@code setting}. */
    static void placeholders(String setting, String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean known = PLACEHOLDERS.contains(name) || (name.startsWith(HINT) && name.length() > HINT.length());
            if (!known) {
                throw MappedSettings.invalid(setting + " uses the unknown placeholder {{" + name
                        + "}}; the placeholders are "
                        + PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").collect(Collectors.joining(", "))
                        + " and {{hint:NAME}}");
            }
        }
    }

    static boolean usesKey(String text) {
        return text.contains("{{api_key}}");
    }

    /** The template with its placeholders filled; null when it is one placeholder without a value. */
    static JsonValue fill(JsonValue template, Values values) {
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
    static String text(String text, Values values, boolean urlEncoded) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            JsonValue value = values.get(matcher.group(1));
            String replacement =
                    value == null ? "" : value instanceof JsonString string ? string.getString() : value.toString();
            if (urlEncoded) {
                replacement =
                        URLEncoder.encode(replacement, StandardCharsets.UTF_8).replace("+", "%20");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** Whether every placeholder in {@code text} has a value. */
    static boolean complete(String text, Values values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (values.get(matcher.group(1)) == null) {
                return false;
            }
        }
        return true;
    }

    /** A request's placeholder values; null when the request has none. */
    record Values(Upstream upstream, ChatRequest request) {
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
}
