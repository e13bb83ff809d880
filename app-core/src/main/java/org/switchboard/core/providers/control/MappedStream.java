package org.switchboard.core.providers.control;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import jakarta.json.JsonException;
import java.util.List;
import java.util.Map;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * One streamed answer of the {@link MappedAdapter} read through its settings' JSONPaths: Server-Sent Events,
 * or newline-delimited JSON where every non-blank line is one event's data.
 */
final class MappedStream extends SseExchange {
    private static final int MAX_ERROR_DETAIL = 300;
    /** json-smart's {@code JSONParser.MODE_RFC4627}: strict JSON; json-smart is only a runtime dependency. */
    private static final int STRICT_JSON = 4752;

    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(STRICT_JSON))
            .mappingProvider(new JsonSmartMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final MappedSettings mapping;
    private Integer inputTokens;
    private Integer outputTokens;
    private boolean conversationReported;

    MappedStream(MappedSettings mapping, GenerationListener listener) {
        super(listener);
        this.mapping = mapping;
    }

    @Override
    protected boolean linePerEvent() {
        return mapping.ndjson();
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
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
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
