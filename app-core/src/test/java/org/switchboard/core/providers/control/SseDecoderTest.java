package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.platform.JsonP;

/**
 * The byte-level SSE decoder against the recorded wire transcripts: whatever the chunking (every split point, one
 * byte at a time) and whichever line ends (LF, CRLF, CR), a dialect sees the same events as when the whole body
 * arrives at once; a UTF-8 character split across chunks arrives whole; a line longer than any buffer is one line.
 */
class SseDecoderTest {
    private static final String OLLAMA =
            """
            {"framing": "ndjson", "text_path": "$.message.content", "event_path": "$.done",
             "end_markers": ["true"], "input_tokens_path": "$.prompt_eval_count",
             "output_tokens_path": "$.eval_count"}
            """;

    static Stream<Arguments> transcripts() {
        List<Arguments> all = new ArrayList<>();
        for (String name : List.of("success", "cut", "error-mid-stream", "keep-alive", "malformed")) {
            all.add(Arguments.of("openai/" + name + ".sse", reader(OpenAiStreamReader::new)));
        }
        for (String name : List.of("success", "cached", "cut", "error-mid-stream", "malformed", "pings", "thinking")) {
            all.add(Arguments.of("anthropic/" + name + ".sse", reader(AnthropicStream::new)));
        }
        for (String name : List.of("chat-basic", "chat-agent", "chat-cut", "chat-error", "chat-ping", "chat-tick")) {
            all.add(Arguments.of("dify/" + name + ".sse", reader(DifyChatStream::new)));
        }
        for (String name : List.of("workflow-outputs", "workflow-text-chunks", "workflow-failed")) {
            all.add(Arguments.of("dify/" + name + ".sse", reader(listener -> new DifyWorkflowStream(listener, null))));
        }
        all.add(Arguments.of("mapped/openai.sse", reader(l -> MappedAdapter.stream(settings("{}"), l))));
        all.add(Arguments.of("mapped/ollama.ndjson", reader(l -> MappedAdapter.stream(settings(OLLAMA), l))));
        all.add(Arguments.of("mapped/ollama-cut.ndjson", reader(l -> MappedAdapter.stream(settings(OLLAMA), l))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void everyChunkingAndLineEndGivesTheSameEvents(String transcript, Function<RecordingListener, SseExchange> reader) {
        byte[] body = TranscriptServer.resource(transcript).getBytes(StandardCharsets.UTF_8);
        List<String> whole = feed(reader, List.of(body));
        assertThat(whole).isNotEmpty();

        int step = Math.max(1, body.length / 700); // every split point of the short ones, hundreds of the long ones
        for (int split = 1; split < body.length; split += step) {
            List<byte[]> two =
                    List.of(Arrays.copyOfRange(body, 0, split), Arrays.copyOfRange(body, split, body.length));
            assertThat(feed(reader, two)).as("split at byte %d", split).isEqualTo(whole);
        }
        assertThat(feed(reader, bytes(body))).as("one byte at a time").isEqualTo(whole);
        String text = new String(body, StandardCharsets.UTF_8);
        byte[] crlf = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(feed(reader, List.of(crlf))).as("CRLF").isEqualTo(whole);
        assertThat(feed(reader, bytes(crlf))).as("CRLF, one byte at a time").isEqualTo(whole);
        assertThat(feed(reader, List.of(text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8))))
                .as("CR")
                .isEqualTo(whole);
    }

    @Test
    void aCharacterSplitAcrossChunksArrivesWhole() {
        String text = "h\u00e9llo \u4e16\u754c \ud83c\udf89 \u00fc";
        byte[] body = ("data: {\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}\n\ndata: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8);
        Function<RecordingListener, SseExchange> openAi = reader(OpenAiStreamReader::new);

        for (int split = 1; split < body.length; split++) {
            List<byte[]> two =
                    List.of(Arrays.copyOfRange(body, 0, split), Arrays.copyOfRange(body, split, body.length));
            assertThat(feed(openAi, two)).as("split at byte %d", split).containsExactly("delta:" + text, "complete");
        }
    }

    @Test
    void aLineLongerThanTheBuffersIsOneLine() {
        String text = "x".repeat(100_000) + "\u00e9";
        byte[] body = ("data: {\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}\r\n\r\ndata: [DONE]\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < body.length; i += 8192) {
            chunks.add(Arrays.copyOfRange(body, i, Math.min(body.length, i + 8192)));
        }

        assertThat(feed(reader(OpenAiStreamReader::new), chunks)).containsExactly("delta:" + text, "complete");
    }

    @Test
    void multipleDataLinesJoinAndTheLastEventNeedsNoBlankLine() {
        RecordingListener listener = new RecordingListener();
        SseExchange mapped = MappedAdapter.stream(settings("{\"text_path\": \"$.t\"}"), listener);
        byte[] body =
                ": comment\nid: 7\nretry: 10\ndata\ndata:{\"t\":\ndata: \"one\"}\n\nevent:x\ndata:{\"t\":\"two\"}\r\n\r\n"
                        .concat("data: [DONE]")
                        .getBytes(StandardCharsets.UTF_8);
        mapped.onBytes(ByteBuffer.wrap(body));
        mapped.onComplete();

        assertThat(listener.calls).containsExactly("delta:one", "delta:two", "complete");
    }

    @Test
    void theBufferLentIsNeitherKeptNorMoved() {
        RecordingListener listener = new RecordingListener();
        SseExchange openAi = new OpenAiStreamReader(listener);
        ByteBuffer chunk = ByteBuffer.wrap("xxdata: [DONE]\n\nyy".getBytes(StandardCharsets.UTF_8), 2, 16);

        openAi.onBytes(chunk);

        assertThat(chunk.position()).isEqualTo(2);
        assertThat(chunk.limit()).isEqualTo(18);
        assertThat(listener.calls).containsExactly("complete");
    }

    private static List<String> feed(Function<RecordingListener, SseExchange> reader, List<byte[]> chunks) {
        RecordingListener listener = new RecordingListener();
        SseExchange exchange = reader.apply(listener);
        for (byte[] chunk : chunks) {
            exchange.onBytes(ByteBuffer.wrap(chunk));
        }
        exchange.onComplete();
        List<String> calls = new ArrayList<>(listener.calls);
        if (listener.failure != null) {
            calls.add(listener.failure.detail());
        }
        return calls;
    }

    private static List<byte[]> bytes(byte[] body) {
        List<byte[]> each = new ArrayList<>(body.length);
        for (byte b : body) {
            each.add(new byte[] {b});
        }
        return each;
    }

    private static Function<RecordingListener, SseExchange> reader(Function<RecordingListener, SseExchange> reader) {
        return reader;
    }

    private static JsonObject settings(String json) {
        return JsonP.createReader(new StringReader(json)).readObject();
    }
}
