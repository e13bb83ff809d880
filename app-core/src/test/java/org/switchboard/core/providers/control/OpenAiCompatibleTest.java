package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.TranscriptServer.Reply;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The OpenAI chat completions adapter against a local fake streaming chunk sequences as OpenAI's streaming
 * documentation shows them (https://platform.openai.com/docs/api-reference/chat-streaming, with
 * {@code stream_options.include_usage}: every chunk carries {@code "usage": null} except an extra last chunk
 * with empty {@code choices} and the usage, then {@code data: [DONE]}) over a real HTTP client.
 */
class OpenAiCompatibleTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String UPSTREAM_MODEL = "gpt-4.1-2025-04-14";
    private static final String KEY = "sk-proj-Zq7tW2mXc9Lr4VbN8yKa1Hd3";

    private final TranscriptServer fake = TranscriptServer.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final OpenAiCompatible adapter = new OpenAiCompatible(http);
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        fake.close();
    }

    private Upstream upstream() {
        return new Upstream(fake.baseUrl() + "/v1", KEY, UPSTREAM_MODEL, null);
    }

    private static ChatRequest hello() {
        return new ChatRequest(
                "our-gpt", List.of(new ChatMessage("user", "Hello")), null, null, null, null, Map.of("x", "y"));
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }

    private List<String> stream(String transcript) {
        fake.answer(PATH, Reply.transcript("openai/" + transcript));
        adapter.generate(upstream(), hello(), listener);
        return listener.awaitEnd();
    }

    private List<String> answer(Reply reply) {
        fake.answer(PATH, reply);
        adapter.generate(upstream(), hello(), listener);
        return listener.awaitEnd();
    }

    @Test
    void kindIsOpenai() {
        assertThat(adapter.kind()).isEqualTo("openai");
    }

    @Test
    void relaysDeltasUsageAndCompletionAndSendsAStreamedChatCompletionsRequest() {
        fake.answer(PATH, Reply.transcript("openai/success.sse"));
        ChatRequest request = new ChatRequest(
                "our-gpt",
                List.of(new ChatMessage("system", "You are terse."), new ChatMessage("user", "Hello")),
                256,
                0.5,
                0.9,
                List.of("END", "STOP"),
                Map.of("conversation_id", "c-1"));

        adapter.generate(upstream(), request, listener);

        assertThat(listener.awaitEnd())
                .containsExactly("delta:Hello", "delta:! How can I", "delta: help?", "usage:19/7", "complete");
        assertThat(listener.usage.estimated()).isFalse();
        assertThat(listener.usage.cost()).isNull();
        assertThat(fake.requests()).hasSize(1);
        TranscriptServer.Received received = fake.lastRequest(PATH);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(received.header("api-key")).isNull();
        assertThat(received.header("content-type")).isEqualTo("application/json");
        assertThat(received.header("accept")).isEqualTo("text/event-stream");
        assertThat(json(received.body()))
                .isEqualTo(
                        json(
                                """
                {"model": "gpt-4.1-2025-04-14",
                 "messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hello"}],
                 "stop": ["END", "STOP"], "max_tokens": 256, "temperature": 0.5, "top_p": 0.9,
                 "stream": true, "stream_options": {"include_usage": true}}
                """));
    }

    @Test
    void optionalFieldsAndHintsAreNotSentWhenUnset() {
        assertThat(stream("success.sse")).endsWith("complete");

        assertThat(json(fake.lastRequest(PATH).body()))
                .isEqualTo(
                        json(
                                """
                {"model": "gpt-4.1-2025-04-14", "messages": [{"role": "user", "content": "Hello"}],
                 "stream": true, "stream_options": {"include_usage": true}}
                """));
    }

    @Test
    void aBaseUrlWithATrailingSlashStillCallsChatCompletionsOnce() {
        fake.answer(PATH, Reply.transcript("openai/success.sse"));

        adapter.generate(new Upstream(fake.baseUrl() + "/v1/", KEY, UPSTREAM_MODEL, null), hello(), listener);

        assertThat(listener.awaitEnd()).endsWith("complete");
        assertThat(fake.requests()).extracting(TranscriptServer.Received::path).containsExactly(PATH);
    }

    @Test
    void withoutAKeyNoAuthorizationHeaderIsSent() {
        fake.answer(PATH, Reply.transcript("openai/success.sse"));

        adapter.generate(new Upstream(fake.baseUrl() + "/v1", null, UPSTREAM_MODEL, null), hello(), listener);

        assertThat(listener.awaitEnd()).endsWith("complete");
        assertThat(fake.lastRequest(PATH).header("authorization")).isNull();
    }

    @Test
    void commentLinesAndKeepAlivesAreIgnored() {
        assertThat(stream("keep-alive.sse")).containsExactly("delta:Still", "delta: here", "usage:12/2", "complete");
    }

    @Test
    void anErrorObjectMidStreamIsAnUpstreamErrorAfterTheDeltas() {
        assertThat(stream("error-mid-stream.sse"))
                .containsExactly("delta:Once upon", "delta: a time", "error:upstream-error");
        assertThat(listener.failure.upstreamStatus()).isZero();
        assertThat(listener.failure.retryAfter()).isNull();
        assertThat(listener.failure.detail())
                .isEqualTo("The server had an error while processing your request. Sorry about that!");
    }

    @Test
    void aStreamThatEndsWithoutDoneIsACut() {
        assertThat(stream("cut.sse")).containsExactly("delta:Once upon", "delta: a time", "error:upstream-cut");
        assertThat(listener.failure.upstreamStatus()).isZero();
    }

    @Test
    void aChunkThatIsNotJsonIsMalformedAndNothingFollowsIt() throws InterruptedException {
        assertThat(stream("malformed.sse")).containsExactly("delta:Once upon", "error:upstream-malformed");
        Thread.sleep(200); // the rest of the transcript (a delta, usage, [DONE]) must not surface
        assertThat(listener.calls).containsExactly("delta:Once upon", "error:upstream-malformed");
    }

    @Test
    void http429IsQuotaWithItsRetryAfter() {
        List<String> calls = answer(Reply.status(
                        429,
                        """
                        {"error": {"message": "Rate limit reached for gpt-4.1 in organization org-abc on requests per \
                        min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.", "type": "requests", \
                        "param": null, "code": "rate_limit_exceeded"}}""")
                .withHeader("retry-after", "20"));

        assertThat(calls).containsExactly("error:upstream-quota");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(429);
        assertThat(listener.failure.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(listener.failure.detail())
                .isEqualTo("The upstream answered HTTP 429: Rate limit reached for gpt-4.1 in organization org-abc on"
                        + " requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.");
    }

    @Test
    void http429WithoutRetryAfterHasNone() {
        assertThat(answer(Reply.status(429, "{\"error\": {\"message\": \"You exceeded your current quota\"}}")))
                .containsExactly("error:upstream-quota");
        assertThat(listener.failure.retryAfter()).isNull();
    }

    @Test
    void http401IsAuthAndItsDetailNeverCarriesTheKey() {
        List<String> calls = answer(
                Reply.status(
                        401,
                        """
                {"error": {"message": "Incorrect API key provided: sk-proj-********************1Hd3. You can find \
                your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", \
                "param": null, "code": "invalid_api_key"}}"""));

        assertThat(calls).containsExactly("error:upstream-auth");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(401);
        assertThat(listener.failure.retryAfter()).isNull();
        assertThat(listener.failure.detail())
                .isEqualTo(
                        "The upstream answered HTTP 401: Incorrect API key provided: sk-proj-********************1Hd3."
                                + " You can find your API key at https://platform.openai.com/account/api-keys.")
                .doesNotContain(KEY);
    }

    @Test
    void http401WithAnEmptyBodyNamesOnlyTheStatus() {
        assertThat(answer(Reply.status(401, ""))).containsExactly("error:upstream-auth");
        assertThat(listener.failure.detail())
                .isEqualTo("The upstream answered HTTP 401")
                .doesNotContain(KEY);
    }

    @Test
    void http500IsAnUpstreamError() {
        assertThat(answer(Reply.status(
                        500,
                        "{\"error\": {\"message\": \"The server had an error while processing your request.\","
                                + " \"type\": \"server_error\"}}")))
                .containsExactly("error:upstream-error");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(500);
        assertThat(listener.failure.detail())
                .isEqualTo("The upstream answered HTTP 500: The server had an error while processing your request.");
    }

    @Test
    void http400IsABadRequest() {
        assertThat(answer(Reply.status(
                        400,
                        "{\"error\": {\"message\": \"Invalid value for 'temperature'.\", \"type\":"
                                + " \"invalid_request_error\", \"param\": \"temperature\"}}")))
                .containsExactly("error:upstream-bad-request");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(400);
    }

    @Test
    void azureSendsTheRawKeyInApiKeyAndAppendsTheQuery() throws IOException {
        AtomicReference<URI> uri = new AtomicReference<>();
        AtomicReference<Map<String, List<String>>> headers = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer azure = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        azure.createContext("/", exchange -> {
            try (exchange) {
                uri.set(exchange.getRequestURI());
                headers.set(Map.copyOf(exchange.getRequestHeaders()));
                body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] bytes = TranscriptServer.resource("openai/success.sse").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        azure.start();
        try {
            String base = "http://127.0.0.1:" + azure.getAddress().getPort() + "/openai/deployments/my-gpt-4o";
            Upstream upstream = new Upstream(
                    base,
                    "0123456789abcdef0123456789abcdef",
                    "gpt-4o",
                    json("{\"api_key_header\": \"api-key\", \"query\": \"api-version=2024-10-21\"}"));

            adapter.generate(upstream, hello(), listener);

            assertThat(listener.awaitEnd())
                    .containsExactly("delta:Hello", "delta:! How can I", "delta: help?", "usage:19/7", "complete");
            assertThat(uri.get().getPath()).isEqualTo("/openai/deployments/my-gpt-4o/chat/completions");
            assertThat(uri.get().getQuery()).isEqualTo("api-version=2024-10-21");
            Map<String, List<String>> sent = headers.get();
            assertThat(sent.get("Api-key")).containsExactly("0123456789abcdef0123456789abcdef");
            assertThat(sent).doesNotContainKey("Authorization");
            assertThat(json(body.get()).getString("model")).isEqualTo("gpt-4o");
        } finally {
            azure.stop(0);
        }
    }

    @Test
    void nothingFollowsACancelMidStream() throws InterruptedException {
        fake.answer(PATH, Reply.transcript("openai/success.sse"));
        CompletableFuture<Generation> generation = new CompletableFuture<>();
        RecordingListener cancelling = new RecordingListener() {
            @Override
            public void onDelta(String text) {
                super.onDelta(text);
                generation.join().cancel(); // the client went away while the first token was delivered
            }
        };

        generation.complete(adapter.generate(upstream(), hello(), cancelling));

        await("the first delta").until(() -> !cancelling.calls.isEmpty());
        // A fixed window on purpose, for what must not follow: the whole transcript takes ~25 ms to stream.
        Thread.sleep(500);
        assertThat(cancelling.calls).containsExactly("delta:Hello");
    }

    @Test
    void nothingFollowsACancelBeforeTheAnswer() throws InterruptedException {
        fake.answer(PATH, Reply.transcript("openai/success.sse"));

        adapter.generate(upstream(), hello(), listener).cancel();

        Thread.sleep(500); // a fixed window on purpose, for what must not come: the transcript takes ~25 ms
        assertThat(listener.calls).isEmpty();
    }

    @Test
    void anUnreachableUpstreamIsReported() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        adapter.generate(
                new Upstream("http://127.0.0.1:" + port + "/v1", KEY, UPSTREAM_MODEL, null), hello(), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-unreachable");
        assertThat(listener.failure.detail())
                .startsWith("The upstream could not be reached: ")
                .doesNotContain(KEY);
    }
}
