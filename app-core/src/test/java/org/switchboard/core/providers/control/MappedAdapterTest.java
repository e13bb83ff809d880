package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.TranscriptServer.Reply;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The mapped adapter against a local fake streaming recorded transcripts: OpenAI's chat stream
 * (https://platform.openai.com/docs/api-reference/chat-streaming), Dify's chat-messages stream
 * (https://docs.dify.ai/guides/application-publishing/developing-with-apis) and Ollama's NDJSON chat stream
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion).
 */
class MappedAdapterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DIFY =
            """
            {"path": "/chat-messages",
             "request_template": {"inputs": {}, "query": "{{prompt}}", "response_mode": "streaming",
                                  "conversation_id": "{{hint:conversation_id}}", "user": "{{hint:user}}"},
             "event_path": "$.event",
             "text_path": "$.answer",
             "input_tokens_path": "$.metadata.usage.prompt_tokens",
             "output_tokens_path": "$.metadata.usage.completion_tokens",
             "error_path": "$[?(@.event == 'error')].message",
             "conversation_path": "$.conversation_id",
             "end_markers": ["message_end"]}
            """;
    private static final String DIFY_TTS = DIFY.replace("[\"message_end\"]", "[\"tts_message_end\"]");
    private static final String CONVERSATION = "conversation:45701982-8118-4bc5-8e9b-64562b4555f2";

    private final TranscriptServer server = TranscriptServer.start();
    private final MappedAdapter adapter = new MappedAdapter(HTTP);
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static JsonObject settings(String json) {
        return JsonP.createReader(new StringReader(json)).readObject();
    }

    private Upstream upstream(String settings) {
        return new Upstream(server.baseUrl() + "/v1", "sk-test", "gpt-4o-mini", settings(settings));
    }

    private static ChatRequest hi() {
        return new ChatRequest("chat", List.of(new ChatMessage("user", "Hi")), 16, null, null, null, null);
    }

    private List<String> run(Upstream upstream, ChatRequest request) {
        adapter.validate(upstream, request);
        adapter.generate(upstream, request, listener);
        return listener.awaitEnd();
    }

    /** Feeds lines to a stream reader directly; a {@code data:} line is followed by its blank line. */
    private void lines(String settings, String... lines) {
        SseExchange stream = MappedAdapter.stream(settings(settings), listener);
        for (String line : lines) {
            stream.onNext(line);
            if (line.startsWith("data:")) {
                stream.onNext("");
            }
        }
        stream.onComplete();
    }

    @Test
    void anOpenAiStyleStreamWithTheDefaultsAndUsagePaths() {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai.sse"));

        List<String> calls = run(
                upstream(
                        """
                        {"input_tokens_path": "$.usage.prompt_tokens",
                         "output_tokens_path": "$.usage.completion_tokens"}
                        """),
                hi());

        assertThat(calls).containsExactly("delta:Hel", "delta:lo!", "usage:9/2", "complete");
        TranscriptServer.Received sent = server.lastRequest("/v1/chat/completions");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.body())
                .isEqualTo("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                        + "\"stream\":true,\"max_tokens\":16}");
    }

    @Test
    void withoutUsagePathsNoUsageIsReported() {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai.sse"));

        assertThat(run(upstream("{}"), hi())).containsExactly("delta:Hel", "delta:lo!", "complete");
    }

    @Test
    void aDifyStyleStreamNamedByEventPathWithPingsIgnored() {
        server.answer("/v1/chat-messages", Reply.transcript("mapped/dify.sse"));
        ChatRequest request = new ChatRequest(
                "chat",
                List.of(new ChatMessage("system", "Be kind."), new ChatMessage("user", "How are you?")),
                null,
                null,
                null,
                null,
                Map.of("user", "u-1"));

        List<String> calls = run(upstream(DIFY), request);

        assertThat(calls)
                .containsExactly(CONVERSATION, "delta: I", "delta:'m", "delta: glad", "usage:1033/135", "complete");
        assertThat(server.lastRequest("/v1/chat-messages").body())
                .isEqualTo(
                        "{\"inputs\":{},\"query\":\"How are you?\",\"response_mode\":\"streaming\",\"user\":\"u-1\"}");
    }

    @Test
    void ignoredEventsAreSkippedWhetherNamedBySseOrByEventPath() {
        lines(
                "{\"event_path\": \"$.event\", \"text_path\": \"$.answer\", \"end_markers\": [\"message_end\"]}",
                "event: ping",
                "data: keep-alive, not JSON",
                "data: {\"event\": \"ping\", \"answer\": \"not text\"}",
                "data: {\"event\": \"message\", \"answer\": \"ok\"}",
                "data: {\"event\": \"message_end\"}");

        assertThat(listener.calls).containsExactly("delta:ok", "complete");
    }

    @Test
    void aDifyErrorEventFoundByAFilterPathIsAFailure() {
        lines(
                DIFY,
                "data: {\"event\": \"message\", \"conversation_id\": \"c-1\", \"answer\": \"Par\"}",
                "data: {\"event\": \"error\", \"task_id\": \"t\", \"message_id\": \"m\", \"status\": 400,"
                        + " \"code\": \"invalid_param\", \"message\": \"Workflow failed\"}",
                "data: {\"event\": \"message_end\"}");

        assertThat(listener.calls).containsExactly("conversation:c-1", "delta:Par", "error:upstream-error");
        assertThat(listener.failure.detail()).isEqualTo("Workflow failed");
    }

    @Test
    void aTtsMessageEndMarkerWaitsPastMessageEndAndItsAudioEvents() {
        server.answer("/v1/chat-messages", Reply.transcript("mapped/dify-tts.sse"));

        List<String> calls = run(upstream(DIFY_TTS), hi());

        assertThat(calls)
                .containsExactly(CONVERSATION, "delta: I", "delta:'m", "delta: glad", "usage:1033/135", "complete");
    }

    @Test
    void withATtsEndMarkerAStreamEndingAtMessageEndIsCut() {
        server.answer("/v1/chat-messages", Reply.transcript("mapped/dify.sse"));

        List<String> calls = run(upstream(DIFY_TTS), hi());

        assertThat(calls).containsExactly(CONVERSATION, "delta: I", "delta:'m", "delta: glad", "error:upstream-cut");
    }

    @Test
    void anErrorFoundByErrorPathMidStreamFailsAfterTheDeltas() {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai-error.sse"));

        List<String> calls = run(upstream("{\"error_path\": \"$.error.message\"}"), hi());

        assertThat(calls).containsExactly("delta:Hel", "delta:lo", "error:upstream-error");
        assertThat(listener.failure.detail())
                .isEqualTo("The server had an error while processing your request. Sorry about that!");
        assertThat(listener.failure.upstreamStatus()).isZero();
    }

    @Test
    void anErrorPathYieldingAnObjectReportsItsMessageAndNullIsNoError() {
        lines(
                "{\"error_path\": \"$.error\"}",
                "data: {\"error\": null, \"choices\": [{\"delta\": {\"content\": \"a\"}}]}",
                "data: {\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}");

        assertThat(listener.calls).containsExactly("delta:a", "error:upstream-error");
        assertThat(listener.failure.detail()).isEqualTo("Rate limit reached");
    }

    @Test
    void aStreamThatEndsWithoutItsEndMarkerIsCut() {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai-cut.sse"));

        assertThat(run(upstream("{}"), hi())).containsExactly("delta:Hel", "delta:lo", "error:upstream-cut");
    }

    @Test
    void aMalformedChunkEndsTheGeneration() {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai-malformed.sse"));

        assertThat(run(upstream("{}"), hi())).containsExactly("delta:Hel", "error:upstream-malformed");
    }

    @Test
    void lenientJsonAndBareScalarsAreMalformedToo() {
        lines("{}", "data: {'choices': [{'delta': {'content': 'a'}}]}", "data: [DONE]");
        assertThat(listener.calls).containsExactly("error:upstream-malformed");

        RecordingListener scalar = new RecordingListener();
        SseExchange stream = MappedAdapter.stream(settings("{}"), scalar);
        stream.onNext("data: \"hello\"");
        stream.onNext("");
        assertThat(scalar.calls).containsExactly("error:upstream-malformed");
    }

    @Test
    void ndjsonFramingReadsOneEventPerLine() {
        server.answer(
                "/api/chat",
                new Reply(
                        200,
                        "application/x-ndjson",
                        TranscriptServer.resource("mapped/ollama.ndjson"),
                        Map.of(),
                        true));
        Upstream ollama = new Upstream(server.baseUrl(), null, "llama3.2", settings(OLLAMA));
        ChatRequest request = new ChatRequest(
                "chat", List.of(new ChatMessage("user", "Why is the sky blue?")), null, 0.5, null, null, null);

        List<String> calls = run(ollama, request);

        assertThat(calls).containsExactly("delta:The", "delta: sky", "delta: is blue.", "usage:26/282", "complete");
        TranscriptServer.Received sent = server.lastRequest("/api/chat");
        assertThat(sent.header("Accept")).isEqualTo("application/x-ndjson");
        assertThat(sent.header("Authorization")).isNull();
        assertThat(sent.body())
                .isEqualTo(
                        "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}],"
                                + "\"stream\":true,\"options\":{\"temperature\":0.5}}");
    }

    private static final String OLLAMA =
            """
            {"path": "/api/chat",
             "framing": "ndjson",
             "request_template": {"model": "{{model}}", "messages": "{{messages}}", "stream": true,
                                  "options": {"temperature": "{{temperature}}", "num_predict": "{{max_tokens}}"}},
             "text_path": "$.message.content",
             "event_path": "$.done",
             "end_markers": ["true"],
             "error_path": "$.error",
             "input_tokens_path": "$.prompt_eval_count",
             "output_tokens_path": "$.eval_count"}
            """;

    @Test
    void anNdjsonStreamWithoutItsEndMarkerIsCut() {
        server.answer(
                "/api/chat",
                new Reply(
                        200,
                        "application/x-ndjson",
                        TranscriptServer.resource("mapped/ollama-cut.ndjson"),
                        Map.of(),
                        true));

        List<String> calls = run(new Upstream(server.baseUrl(), null, "llama3.2", settings(OLLAMA)), hi());

        assertThat(calls).containsExactly("delta:The", "delta: sky", "error:upstream-cut");
    }

    @Test
    void aMalformedNdjsonLineEndsTheGeneration() {
        SseExchange stream = MappedAdapter.stream(settings(OLLAMA), listener);
        stream.onNext("{\"message\":{\"content\":\"The\"},\"done\":false}");
        stream.onNext("{\"message\":{\"content\":\" sky\"}");
        stream.onNext("{\"message\":{\"content\":\"\"},\"done\":true}");
        stream.onComplete();

        assertThat(listener.calls).containsExactly("delta:The", "error:upstream-malformed");
    }

    @Test
    void theTemplateIsFilledAndAbsentValuesLeftOut() {
        server.answer("/v1/generate", Reply.transcript("mapped/openai.sse"));
        Upstream upstream = new Upstream(
                server.baseUrl() + "/v1",
                "sk-test",
                "acme-large",
                settings(
                        """
                {"path": "/generate",
                 "headers": {"X-Api-Key": "{{api_key}}", "X-Client": "switchboard", "X-Session": "{{hint:session}}"},
                 "request_template": {
                   "model": "{{model}}",
                   "input": {"messages": "{{messages}}", "system": "{{system}}", "prompt": "{{prompt}}"},
                   "parameters": {"max_tokens": "{{max_tokens}}", "temperature": "{{temperature}}",
                                  "top_p": "{{top_p}}", "stop": "{{stop}}"},
                   "user": "{{hint:user}}",
                   "session": "{{hint:session}}",
                   "label": "{{model}} for {{hint:user}}{{hint:session}}",
                   "stream": true}}
                """));
        ChatRequest request = new ChatRequest(
                "chat",
                List.of(
                        new ChatMessage("system", "Be brief."),
                        new ChatMessage("user", "Hi"),
                        new ChatMessage("assistant", "Hello!"),
                        new ChatMessage("user", "What is 2+2?")),
                64,
                0.2,
                null,
                List.of("\n\n"),
                Map.of("user", "u-42"));

        run(upstream, request);

        TranscriptServer.Received sent = server.lastRequest("/v1/generate");
        assertThat(sent.body())
                .isEqualTo("{\"model\":\"acme-large\","
                        + "\"input\":{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                        + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},"
                        + "{\"role\":\"user\",\"content\":\"What is 2+2?\"}],"
                        + "\"system\":\"Be brief.\",\"prompt\":\"What is 2+2?\"},"
                        + "\"parameters\":{\"max_tokens\":64,\"temperature\":0.2,\"stop\":[\"\\n\\n\"]},"
                        + "\"user\":\"u-42\","
                        + "\"label\":\"acme-large for u-42\","
                        + "\"stream\":true}");
        assertThat(sent.header("X-Api-Key")).isEqualTo("sk-test");
        assertThat(sent.header("X-Client")).isEqualTo("switchboard");
        assertThat(sent.header("X-Session"))
                .as("a header whose placeholder has no value")
                .isNull();
        assertThat(sent.header("Authorization"))
                .as("the key went where the headers put it")
                .isNull();
        assertThat(listener.calls).containsExactly("delta:Hel", "delta:lo!", "complete");
    }

    @Test
    void theKeyGoesIntoTheBodyOnlyWhenTheTemplateAsksForIt() {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai.sse"));

        run(
                upstream(
                        """
                        {"request_template": {"api_key": "{{api_key}}", "messages": "{{messages_without_system}}"}}
                        """),
                new ChatRequest(
                        "chat",
                        List.of(new ChatMessage("system", "S"), new ChatMessage("user", "Hi")),
                        null,
                        null,
                        null,
                        null,
                        null));

        TranscriptServer.Received sent = server.lastRequest("/v1/chat/completions");
        assertThat(sent.body())
                .isEqualTo("{\"api_key\":\"sk-test\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(sent.header("Authorization")).isNull();
    }

    @Test
    void aRawKeyInACustomAuthHeaderAndTheModelInThePath() {
        server.answer("/openai/deployments/gpt-4o-mini/chat/completions", Reply.transcript("mapped/openai.sse"));
        Upstream azure = new Upstream(
                server.baseUrl() + "/openai",
                "sk-test",
                "gpt-4o-mini",
                settings(
                        """
                {"path": "/deployments/{{model}}/chat/completions", "auth_header": "api-key", "auth_scheme": ""}
                """));

        assertThat(run(azure, hi())).containsExactly("delta:Hel", "delta:lo!", "complete");
        TranscriptServer.Received sent = server.lastRequest("/openai/deployments/gpt-4o-mini/chat/completions");
        assertThat(sent.header("api-key")).isEqualTo("sk-test");
        assertThat(sent.header("Authorization")).isNull();
        assertThat(sent.body()).doesNotContain("sk-test");
    }

    @Test
    void invalidSettingsAreRejectedWithAClearMessage() {
        assertRejected("{\"text_path\": \"$.choices[0\"}", "text_path is not a valid JSONPath: \"$.choices[0\"");
        assertRejected("{\"error_path\": \"\"}", "error_path must be a JSONPath");
        assertRejected("{\"input_tokens_path\": 5}", "input_tokens_path must be a string, got 5");
        assertRejected("{\"framing\": \"xml\"}", "framing must be \"sse\" or \"ndjson\", got \"xml\"");
        assertRejected("{\"text_pth\": \"$.a\"}", "unknown setting \"text_pth\"");
        assertRejected(
                "{\"request_template\": {\"q\": \"Say {{query}}\"}}",
                "request_template uses the unknown placeholder {{query}}");
        assertRejected("{\"request_template\": \"{{messages}}\"}", "request_template must be a JSON object or array");
        assertRejected("{\"end_markers\": []}", "end_markers must name at least one marker");
        assertRejected("{\"ignore_events\": \"ping\"}", "ignore_events must be an array of strings");
        assertRejected("{\"headers\": {\"X-Key\": 1}}", "headers.X-Key must be a string");
        assertRejected("{\"headers\": {\"Host\": \"example.com\"}}", "\"Host\" cannot be sent as a request header");
        assertRejected("{\"path\": \"chat\"}", "path must start with \"/\"");
        assertRejected("{\"method\": \"GET\"}", "method must be POST, PUT or PATCH");
    }

    private void assertRejected(String settings, String message) {
        assertThatThrownBy(() -> adapter.validate(upstream(settings), hi()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("Invalid settings for the mapped adapter: ")
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidInput) e).type())
                .isEqualTo("invalid-provider-settings");
    }

    @Test
    void validSettingsPassAndAreCompiledOncePerDistinctSettings() {
        assertThatCode(() -> adapter.validate(upstream("{}"), hi())).doesNotThrowAnyException();
        assertThatCode(() -> adapter.validate(upstream(DIFY), hi())).doesNotThrowAnyException();
        assertThatCode(() -> adapter.validate(upstream(OLLAMA), hi())).doesNotThrowAnyException();

        assertThat(adapter.mapping(settings(DIFY))).isSameAs(adapter.mapping(settings(DIFY)));
        assertThat(adapter.mapping(settings(DIFY))).isNotSameAs(adapter.mapping(settings(DIFY_TTS)));
    }

    @Test
    void anHttp503IsAnUpstreamError() {
        server.answer(
                "/v1/chat/completions",
                Reply.status(503, "{\"error\":{\"message\":\"The engine is currently overloaded\"}}"));

        assertThat(run(upstream("{}"), hi())).containsExactly("error:upstream-error");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(503);
        assertThat(listener.failure.detail())
                .isEqualTo("The upstream answered HTTP 503: The engine is currently overloaded");
    }

    @Test
    void nothingFollowsACancel() throws InterruptedException {
        server.answer("/v1/chat/completions", Reply.transcript("mapped/openai.sse"));

        adapter.generate(upstream("{}"), hi(), listener).cancel();
        Thread.sleep(200); // a fixed window on purpose: nothing may come within it

        assertThat(listener.calls).isEmpty();
    }
}
