package org.switchboard.core.providers.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * Reads an OpenAI streaming response ({@code data: <chunk>} events, {@code data: [DONE]}) into normalized
 * callbacks: {@code choices[0].delta.content} as deltas, the {@code usage} chunk as usage, an {@code error}
 * object as a failure. A stream that ends without {@code [DONE]} is a cut, never a success.
 *
 * <p>A chunk is read with JSON-P's streaming parser, not into a tree: of the dozen fields of a chunk only the
 * delta's text is kept, and building the whole object for every token was a fifth of the gateway's allocation
 * per streamed request (JFR). Only the rare {@code error} and {@code usage} objects are built.
 */
final class OpenAiStreamReader extends SseExchange {
    OpenAiStreamReader(GenerationListener listener) {
        super(listener);
    }

    @Override
    protected void onEvent(String event, String data) {
        if (data.equals("[DONE]")) {
            complete();
            return;
        }
        JsonObject error = null;
        JsonObject usage = null;
        String text = null;
        try (JsonParser chunk = JsonP.createParser(data)) {
            if (chunk.next() != Event.START_OBJECT) {
                throw new JsonException("A chunk is not a JSON object");
            }
            for (Event next = chunk.next(); next == Event.KEY_NAME; next = chunk.next()) {
                String field = chunk.getString();
                Event value = chunk.next();
                if (field.equals("choices") && value == Event.START_ARRAY) {
                    text = firstDeltaText(chunk);
                } else if (field.equals("error") && value == Event.START_OBJECT) {
                    error = chunk.getObject();
                } else if (field.equals("usage") && value == Event.START_OBJECT) {
                    usage = chunk.getObject();
                } else {
                    skip(chunk, value);
                }
            }
        }
        if (error != null) {
            fail(new ProviderFailure(
                    "upstream-error", error.getString("message", "The upstream reported an error"), 0));
            return;
        }
        if (text != null) {
            delta(text);
        }
        if (usage != null
                && usage.get("prompt_tokens") != null
                && usage.get("prompt_tokens").getValueType() == JsonValue.ValueType.NUMBER) {
            usage(new Usage(usage.getInt("prompt_tokens"), usage.getInt("completion_tokens", 0), false));
        }
    }

    /** {@code choices[0].delta.content} if it is a string; leaves the parser after the array. */
    private static String firstDeltaText(JsonParser chunk) {
        Event first = chunk.next();
        if (first == Event.END_ARRAY) {
            return null;
        }
        if (first != Event.START_OBJECT) {
            throw new JsonException("choices[0] is not an object");
        }
        String text = null;
        for (Event next = chunk.next(); next == Event.KEY_NAME; next = chunk.next()) {
            String field = chunk.getString();
            Event value = chunk.next();
            if (field.equals("delta") && value == Event.START_OBJECT) {
                text = content(chunk);
            } else {
                skip(chunk, value);
            }
        }
        for (Event next = chunk.next(); next != Event.END_ARRAY; next = chunk.next()) {
            skip(chunk, next); // the other choices
        }
        return text;
    }

    /** The delta's {@code content} if it is a string; leaves the parser after the delta object. */
    private static String content(JsonParser chunk) {
        String text = null;
        for (Event next = chunk.next(); next == Event.KEY_NAME; next = chunk.next()) {
            boolean isContent = chunk.getString().equals("content");
            Event value = chunk.next();
            if (isContent && value == Event.VALUE_STRING) {
                text = chunk.getString();
            } else {
                skip(chunk, value);
            }
        }
        return text;
    }

    private static void skip(JsonParser chunk, Event value) {
        if (value == Event.START_OBJECT) {
            chunk.skipObject();
        } else if (value == Event.START_ARRAY) {
            chunk.skipArray();
        }
    }
}
