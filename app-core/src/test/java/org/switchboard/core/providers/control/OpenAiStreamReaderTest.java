package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines as OpenAI streams them (https://platform.openai.com/docs/api-reference/chat-streaming). */
class OpenAiStreamReaderTest {
    private final RecordingListener listener = new RecordingListener();
    private final OpenAiStreamReader reader = new OpenAiStreamReader(listener);

    /** Each argument is one line; a {@code data:} line is followed by the blank line that ends its event. */
    private void lines(String... lines) {
        for (String line : lines) {
            reader.onNext(line);
            if (line.startsWith("data:")) {
                reader.onNext("");
            }
        }
    }

    @Test
    void relaysContentUsageAndDone() {
        lines(
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
                "",
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}",
                "",
                ": keep-alive comment",
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}",
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}",
                "data: [DONE]");
        reader.onComplete();

        assertThat(listener.calls).containsExactly("delta:Hel", "delta:lo", "usage:9/2", "complete");
    }

    @Test
    void anErrorObjectMidStreamIsAFailure() {
        lines(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}}]}",
                "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}",
                "data: [DONE]");

        assertThat(listener.calls).containsExactly("delta:par", "error:upstream-error");
    }

    @Test
    void aStreamThatEndsWithoutDoneIsACutNotASuccess() {
        lines("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}}]}");
        reader.onComplete();

        assertThat(listener.calls).containsExactly("delta:par", "error:upstream-cut");
    }

    @Test
    void aMalformedChunkIsAFailure() {
        lines("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}", "data: [DONE]");

        assertThat(listener.calls).containsExactly("error:upstream-malformed");
    }

    @Test
    void readsTheFirstChoicesTextWhateverElseAChunkCarries() {
        lines(
                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                        + "\"function\":{\"arguments\":\"{\\\"a\\\":[1,{}]}\"}}],\"content\":\"A \\\"quoted\\\" \\u00fc\\n\"},"
                        + "\"logprobs\":{\"content\":[{\"token\":\"x\",\"bytes\":[1,2]}]},\"finish_reason\":null},"
                        + "{\"index\":1,\"delta\":{\"content\":\"second choice\"}}],\"usage\":null}",
                "data: {\"choices\":[{\"delta\":{\"content\":7}}]}",
                "data: [DONE]");

        assertThat(listener.calls).containsExactly("delta:A \"quoted\" \u00fc\n", "complete");
    }

    @Test
    void aChunkThatIsNotAnObjectOrWhoseFirstChoiceIsNotAnObjectIsAFailure() {
        lines("data: [1, 2]");
        assertThat(listener.calls).containsExactly("error:upstream-malformed");

        RecordingListener second = new RecordingListener();
        OpenAiStreamReader other = new OpenAiStreamReader(second);
        other.onNext("data: {\"choices\":[\"text\"]}");
        other.onNext("");
        assertThat(second.calls).containsExactly("error:upstream-malformed");
    }
}
