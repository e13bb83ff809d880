package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.TranscriptServer.Reply;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The Anthropic Messages adapter against a local fake streaming the event sequences of Anthropic's streaming
 * documentation (https://docs.claude.com/en/docs/build-with-claude/streaming) over a real HTTP client.
 */
class AnthropicMessagesTest {
    private static final String PATH = "/v1/messages";
    private static final String UPSTREAM_MODEL = "claude-sonnet-4-5-20250929";

    private final TranscriptServer fake = TranscriptServer.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AnthropicMessages adapter = new AnthropicMessages(http);
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        fake.close();
    }

    private Upstream upstream() {
        return new Upstream(fake.baseUrl(), "sk-ant-test", UPSTREAM_MODEL, null);
    }

    private Upstream upstream(String settings) {
        return new Upstream(fake.baseUrl(), null, UPSTREAM_MODEL, json(settings));
    }

    private static ChatRequest request(ChatMessage... messages) {
        return new ChatRequest("our-claude", List.of(messages), null, null, null, null, Map.of());
    }

    private static ChatRequest hello() {
        return request(new ChatMessage("user", "Hello"));
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }

    private List<String> stream(String transcript) {
        fake.answer(PATH, Reply.transcript("anthropic/" + transcript));
        adapter.generate(upstream(), hello(), listener);
        return listener.awaitEnd();
    }

    @Test
    void kindIsAnthropic() {
        assertThat(adapter.kind()).isEqualTo("anthropic");
    }

    @Test
    void relaysTextUsageAndCompletionAndSendsAMessagesRequest() {
        fake.answer(PATH, Reply.transcript("anthropic/success.sse"));
        ChatRequest request = new ChatRequest(
                "our-claude",
                List.of(new ChatMessage("system", "You are terse."), new ChatMessage("user", "Hello")),
                256,
                0.5,
                0.9,
                List.of("END"),
                Map.of());

        adapter.generate(upstream(), request, listener);

        assertThat(listener.awaitEnd()).containsExactly("delta:Hello", "delta:!", "usage:25/15", "complete");
        assertThat(listener.usage.estimated()).isFalse();
        TranscriptServer.Received received = fake.lastRequest(PATH);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(received.header("content-type")).isEqualTo("application/json");
        assertThat(received.header("accept")).isEqualTo("text/event-stream");
        assertThat(json(received.body()))
                .isEqualTo(
                        json(
                                """
                {"model": "claude-sonnet-4-5-20250929", "max_tokens": 256, "system": "You are terse.",
                 "messages": [{"role": "user", "content": "Hello"}],
                 "temperature": 0.5, "top_p": 0.9, "stop_sequences": ["END"], "stream": true}
                """));
    }

    @Test
    void pingsAnywhereInTheStreamAreIgnored() {
        assertThat(stream("pings.sse")).containsExactly("delta:Still", "delta: here", "usage:12/3", "complete");
    }

    @Test
    void thinkingBlocksAreNotRelayedAndAStreamWithoutUsageReportsNone() {
        assertThat(stream("thinking.sse"))
                .containsExactly("delta:The greatest common divisor of 1071 and 462 is **21**.", "complete");
    }

    @Test
    void toolInputDeltasAreNotRelayed() {
        assertThat(stream("tool-use.sse"))
                .containsExactly(
                        "delta:Okay",
                        "delta:, let's check the weather for San Francisco, CA:",
                        "usage:472/89",
                        "complete");
    }

    @Test
    void cachedPromptTokensCountAsInput() {
        assertThat(stream("cached.sse")).containsExactly("delta:Pride and Prejudice", "usage:189107/393", "complete");
    }

    @Test
    void anErrorEventMidStreamIsAnUpstreamError() {
        assertThat(stream("error-mid-stream.sse"))
                .containsExactly("delta:Once upon", "delta: a time", "error:upstream-error");
        assertThat(listener.failure.upstreamStatus()).isZero();
        assertThat(listener.failure.detail()).contains("overloaded_error").contains("Overloaded");
    }

    @Test
    void aStreamThatEndsWithoutMessageStopIsACut() {
        assertThat(stream("cut.sse")).containsExactly("delta:Once upon", "delta: a time", "error:upstream-cut");
    }

    @Test
    void anEventThatIsNotJsonIsMalformedAndNothingFollowsIt() {
        assertThat(stream("malformed.sse")).containsExactly("delta:Once upon", "error:upstream-malformed");
    }

    @Test
    void http429IsQuotaWithItsRetryAfter() {
        fake.answer(
                PATH,
                Reply.status(
                                429,
                                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of"
                                        + " request tokens has exceeded your per-minute rate limit\"}}")
                        .withHeader("retry-after", "7"));

        adapter.generate(upstream(), hello(), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-quota");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(429);
        assertThat(listener.failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(listener.failure.detail()).contains("per-minute rate limit");
    }

    @Test
    void http401IsAuth() {
        fake.answer(
                PATH,
                Reply.status(
                        401,
                        "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid"
                                + " x-api-key\"}}"));

        adapter.generate(upstream(), hello(), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-auth");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(401);
        assertThat(listener.failure.retryAfter()).isNull();
    }

    @Test
    void http529OverloadedIsAnUpstreamError() {
        fake.answer(
                PATH,
                Reply.status(
                        529,
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        adapter.generate(upstream(), hello(), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-error");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(529);
    }

    @Test
    void nothingFollowsACancelMidStream() throws InterruptedException {
        fake.answer(PATH, Reply.transcript("anthropic/success.sse"));
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
        // A fixed window on purpose, for what must not follow: the whole transcript takes ~30 ms to stream.
        Thread.sleep(500);
        assertThat(cancelling.calls).containsExactly("delta:Hello");
    }

    @Test
    void nothingFollowsACancelBeforeTheAnswer() throws InterruptedException {
        fake.answer(PATH, Reply.transcript("anthropic/success.sse"));

        adapter.generate(upstream(), hello(), listener).cancel();

        Thread.sleep(500); // a fixed window on purpose, for what must not come: the transcript takes ~30 ms
        assertThat(listener.calls).isEmpty();
    }

    @Test
    void withoutAKeyNoKeyHeaderIsSentAndTheVersionAndMaxTokensComeFromSettings() {
        fake.answer(PATH, Reply.transcript("anthropic/success.sse"));

        adapter.generate(
                upstream("{\"anthropic_version\": \"2024-01-01\", \"default_max_tokens\": 1000}"), hello(), listener);

        assertThat(listener.awaitEnd()).endsWith("complete");
        TranscriptServer.Received received = fake.lastRequest(PATH);
        assertThat(received.header("x-api-key")).isNull();
        assertThat(received.header("anthropic-version")).isEqualTo("2024-01-01");
        assertThat(json(received.body()))
                .isEqualTo(
                        json(
                                """
                {"model": "claude-sonnet-4-5-20250929", "max_tokens": 1000,
                 "messages": [{"role": "user", "content": "Hello"}], "stream": true}
                """));
    }

    @Test
    void maxTokensDefaultsTo4096() {
        assertThat(json(AnthropicMessages.body(upstream(), hello())).getInt("max_tokens"))
                .isEqualTo(4096);
    }

    @Test
    void systemMessagesAreJoinedAndConsecutiveTurnsMerged() {
        ChatRequest request = request(
                new ChatMessage("system", "Be brief."),
                new ChatMessage("user", "One"),
                new ChatMessage("user", "Two"),
                new ChatMessage("assistant", "Three"),
                new ChatMessage("system", "Be kind."),
                new ChatMessage("assistant", "Four"),
                new ChatMessage("user", ""),
                new ChatMessage("user", "Five"));

        JsonObject body = json(AnthropicMessages.body(upstream(), request));

        assertThat(body.getString("system")).isEqualTo("Be brief.\n\nBe kind.");
        assertThat(body.getJsonArray("messages"))
                .isEqualTo(
                        json("""
                {"m": [{"role": "user", "content": "One\\n\\nTwo"},
                       {"role": "assistant", "content": "Three\\n\\nFour"},
                       {"role": "user", "content": "Five"}]}
                """)
                                .getJsonArray("m"));
    }

    @Test
    void aConversationTheAssistantOpensGetsAUserTurnFirst() {
        ChatRequest request =
                request(new ChatMessage("assistant", "Hi! How can I help?"), new ChatMessage("user", "Weather?"));

        assertThat(AnthropicMessages.turns(request.messages()))
                .containsExactly(
                        new ChatMessage("user", "."),
                        new ChatMessage("assistant", "Hi! How can I help?"),
                        new ChatMessage("user", "Weather?"));
    }

    @Test
    void validateRejectsAConversationWithOnlyASystemPrompt() {
        assertThatThrownBy(() -> adapter.validate(upstream(), request(new ChatMessage("system", "Be brief."))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("invalid-messages"));
    }

    @Test
    void validateRejectsSettingsOfTheWrongType() {
        assertThatThrownBy(() -> adapter.validate(upstream("{\"default_max_tokens\": \"many\"}"), hello()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("invalid-provider-settings"));
        assertThatThrownBy(() -> adapter.validate(upstream("{\"default_max_tokens\": 0}"), hello()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> adapter.validate(upstream("{\"anthropic_version\": 20230601}"), hello()))
                .isInstanceOf(InvalidInput.class);
        assertThatCode(() -> adapter.validate(
                        upstream("{\"anthropic_version\": \"2023-06-01\", \"default_max_tokens\": 8192}"), hello()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "overloaded_error, upstream-error",
        "api_error, upstream-error",
        "rate_limit_error, upstream-quota",
        "authentication_error, upstream-auth",
        "permission_error, upstream-auth",
        "invalid_request_error, upstream-bad-request",
        "not_found_error, upstream-bad-request",
        "request_too_large, upstream-bad-request",
        "some_future_error, upstream-error"
    })
    void anErrorEventIsClassifiedByItsType(String errorType, String failureType) {
        AnthropicStream reader = new AnthropicStream(listener);

        reader.onNext("event: error");
        reader.onNext("data: {\"type\": \"error\", \"error\": {\"type\": \"" + errorType + "\", \"message\": \"x\"}}");
        reader.onNext("");
        reader.onNext("event: message_stop");
        reader.onNext("data: {\"type\": \"message_stop\"}");
        reader.onNext("");
        reader.onComplete();

        assertThat(listener.calls).containsExactly("error:" + failureType);
        assertThat(listener.failure.upstreamStatus()).isZero();
    }
}
