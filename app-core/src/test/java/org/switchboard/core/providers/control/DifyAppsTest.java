package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.TranscriptServer.Received;
import org.switchboard.core.providers.control.TranscriptServer.Reply;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The Dify adapter against a local fake answering with the streams of Dify's API documentation (langgenius/dify
 * {@code web/app/components/develop/template/template_chat.en.mdx}, {@code template_workflow.en.mdx}).
 */
class DifyAppsTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String KEY = "app-Xh2kSecret";
    private static final String CHAT = "/v1/chat-messages";
    private static final String WORKFLOW = "/v1/workflows/run";
    private static final String CONVERSATION = "45701982-8118-4bc5-8e9b-64562b4555f2";
    private static final String QUESTION = "What are the specs of the iPhone 13 Pro Max?";

    private final TranscriptServer fake = TranscriptServer.start();
    private final RecordingListener listener = new RecordingListener();
    private final DifyApps dify = new DifyApps(HTTP);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void streamsAChatAnswerReportsTheConversationAndEndsWithUsage() {
        fake.answer(CHAT, Reply.transcript("dify/chat-basic.sse"));

        dify.generate(
                app("{}"),
                request(Map.of(DifyApps.HINT_CONVERSATION, CONVERSATION, DifyApps.HINT_USER, "abc-123")),
                listener);

        assertThat(listener.awaitEnd())
                .containsExactly(
                        "conversation:" + CONVERSATION,
                        "delta: I",
                        "delta:'m",
                        "delta: glad",
                        "delta: to",
                        "delta: meet",
                        "delta: you",
                        "usage:1033/135",
                        "complete");
        Received sent = fake.lastRequest(CHAT);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(json(sent.body()))
                .isEqualTo(json("{\"inputs\": {}, \"query\": \"" + QUESTION + "\", \"response_mode\": \"streaming\","
                        + " \"user\": \"abc-123\", \"conversation_id\": \"" + CONVERSATION + "\"}"));
    }

    @Test
    void relaysAgentMessagesAndIgnoresThoughtsAndFiles() {
        fake.answer(CHAT, Reply.transcript("dify/chat-agent.sse"));

        dify.generate(app("{\"inputs\": {\"tone\": \"friendly\"}, \"user\": \"portal\"}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly(
                        "conversation:c216c595-2d89-438c-b33c-aae5ddddd142",
                        "delta:I have created an image of a cute Japanese",
                        "delta: anime girl with white hair.",
                        "usage:305/97",
                        "complete");
        assertThat(json(fake.lastRequest(CHAT).body()))
                .isEqualTo(json("{\"inputs\": {\"tone\": \"friendly\"}, \"query\": \"" + QUESTION
                        + "\", \"response_mode\": \"streaming\", \"user\": \"portal\"}"));
    }

    @Test
    void ignoresPings() {
        fake.answer(CHAT, Reply.transcript("dify/chat-ping.sse"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly(
                        "conversation:" + CONVERSATION,
                        "delta: I",
                        "delta:'m",
                        "delta: glad",
                        "usage:1033/135",
                        "complete");
        assertThat(json(fake.lastRequest(CHAT).body()).getString("user")).isEqualTo(DifyApps.DEFAULT_USER);
    }

    @Test
    void anErrorEventMidStreamEndsTheGeneration() {
        fake.answer(CHAT, Reply.transcript("dify/chat-error.sse"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly("conversation:" + CONVERSATION, "delta: I", "delta:'m", "error:upstream-error");
        assertThat(listener.failure.detail())
                .isEqualTo("The upstream reported an error (completion_request_error): [openai] Server Unavailable"
                        + " Error, The server is overloaded or not ready yet.");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(400);
    }

    @Test
    void aStreamWithoutMessageEndIsACut() {
        fake.answer(CHAT, Reply.transcript("dify/chat-cut.sse"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly(
                        "conversation:" + CONVERSATION, "delta: I", "delta:'m", "delta: glad", "error:upstream-cut");
    }

    @Test
    void aMalformedEventEndsTheGeneration() {
        fake.answer(CHAT, Reply.transcript("dify/chat-malformed.sse"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly("conversation:" + CONVERSATION, "delta: I", "error:upstream-malformed");
    }

    @Test
    void aReplacementAfterStreamedTextIsARefusal() {
        fake.answer(CHAT, Reply.transcript("dify/chat-replace-after-text.sse"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly("conversation:" + CONVERSATION, "delta: I", "delta:'m", "error:upstream-business");
        assertThat(listener.failure.detail()).isEqualTo("The upstream replaced the answer (content moderation)");
    }

    @Test
    void aReplacementBeforeAnyTextIsTheAnswer() {
        fake.answer(CHAT, Reply.transcript("dify/chat-replace-first.sse"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly(
                        "conversation:" + CONVERSATION,
                        "delta:Sorry, I cannot answer that.",
                        "usage:1033/135",
                        "complete");
    }

    @Test
    void aRateLimitAnswerIsAQuotaFailure() {
        fake.answer(
                CHAT,
                Reply.status(
                                429,
                                "{\"code\": \"rate_limit_error\", \"message\": \"Rate Limit Error\", \"status\": 429}")
                        .withHeader("Retry-After", "20"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-quota");
        assertThat(listener.failure.detail()).isEqualTo("The upstream answered HTTP 429: Rate Limit Error");
        assertThat(listener.failure.retryAfter()).hasSeconds(20);
    }

    @Test
    void anInvalidKeyIsAnAuthFailure() {
        fake.answer(
                CHAT,
                Reply.status(
                        401,
                        "{\"code\": \"unauthorized\", \"message\": \"Access token is invalid\", \"status\": 401}"));

        dify.generate(app("{}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-auth");
        assertThat(listener.failure.upstreamStatus()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_param, upstream-bad-request",
        "400, provider_quota_exceeded, upstream-quota",
        "400, completion_request_error, upstream-error",
        "429, '', upstream-quota",
        "401, '', upstream-auth",
        "403, '', upstream-auth",
        "500, internal_server_error, upstream-error",
        "0, '', upstream-error"
    })
    void classifiesErrorEventsByCodeThenStatus(int status, String code, String type) {
        JsonObject event = json(
                "{\"event\": \"error\", \"status\": " + status + ", \"code\": \"" + code + "\", \"message\": \"m\"}");

        assertThat(DifyStream.streamError(event).type()).isEqualTo(type);
    }

    @Test
    void cancellingMidStreamStopsTheDifyTaskAndNothingFollows() {
        String task = "900bbd43-dc0b-4383-a372-aa6e6c414227";
        String stop = CHAT + "/" + task + "/stop";
        fake.answer(CHAT, endless("dify/chat-tick.sse"));
        fake.answer(stop, Reply.json("{\"result\": \"success\"}"));

        Generation generation = dify.generate(app("{}"), request(Map.of(DifyApps.HINT_USER, "abc-123")), listener);
        await("a first delta").until(() -> listener.calls.contains("delta: tick"));
        generation.cancel();

        await("the stop request")
                .until(() -> fake.requests().stream().anyMatch(r -> r.path().equals(stop)));
        List<String> atCancel = List.copyOf(listener.calls);
        pause(300); // a fixed window on purpose: no delta may follow the stop within it
        assertThat(listener.calls).isEqualTo(atCancel);
        assertThat(atCancel).first().isEqualTo("conversation:" + CONVERSATION);
        assertThat(atCancel.subList(1, atCancel.size())).isNotEmpty().allMatch("delta: tick"::equals);
        Received sent = fake.lastRequest(stop);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(json(sent.body())).isEqualTo(json("{\"user\": \"abc-123\"}"));
    }

    @Test
    void cancellingAFinishedGenerationStopsNothing() {
        fake.answer(CHAT, Reply.transcript("dify/chat-basic.sse"));

        Generation generation = dify.generate(app("{}"), request(Map.of()), listener);
        listener.awaitEnd();
        generation.cancel();
        pause(200); // a fixed window on purpose: no stop request may follow within it

        assertThat(fake.requests()).extracting(Received::path).containsExactly(CHAT);
    }

    @Test
    void answersWithTheWorkflowOutputsWhenNothingWasStreamed() {
        fake.answer(WORKFLOW, Reply.transcript("dify/workflow-outputs.sse"));

        dify.generate(
                app("{\"app_type\": \"workflow\", \"inputs\": {\"language\": \"en\"}, \"query_input\": \"question\"}"),
                request(Map.of(DifyApps.HINT_CONVERSATION, CONVERSATION)),
                listener);

        assertThat(listener.awaitEnd()).containsExactly("delta:Nice to meet you.", "usage:0/3562", "complete");
        assertThat(listener.usage.estimated()).isTrue();
        Received sent = fake.lastRequest(WORKFLOW);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(json(sent.body()))
                .isEqualTo(json("{\"inputs\": {\"language\": \"en\", \"question\": \"" + QUESTION + "\"},"
                        + " \"response_mode\": \"streaming\", \"user\": \"switchboard\"}"));
    }

    @Test
    void streamsTextChunksAndDoesNotRepeatThemFromTheOutputs() {
        fake.answer(WORKFLOW, Reply.transcript("dify/workflow-text-chunks.sse"));

        dify.generate(app("{\"app_type\": \"workflow\"}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly("delta:Nice", "delta: to meet", "delta: you.", "usage:0/3562", "complete");
        assertThat(json(fake.lastRequest(WORKFLOW).body()).getJsonObject("inputs"))
                .isEqualTo(json("{\"query\": \"" + QUESTION + "\"}"));
    }

    @Test
    void answersWithTheConfiguredOutputKey() {
        fake.answer(WORKFLOW, Reply.transcript("dify/workflow-many-outputs.sse"));

        dify.generate(app("{\"app_type\": \"workflow\", \"output_key\": \"summary\"}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd()).containsExactly("delta:Nice to meet you.", "usage:0/120", "complete");
    }

    @Test
    void answersWithAllOutputsAsJsonWhenNoneIsChosen() {
        fake.answer(WORKFLOW, Reply.transcript("dify/workflow-many-outputs.sse"));

        dify.generate(app("{\"app_type\": \"workflow\"}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd())
                .containsExactly("delta:{\"summary\":\"Nice to meet you.\",\"score\":3}", "usage:0/120", "complete");
    }

    @Test
    void aFailedWorkflowIsABusinessFailure() {
        fake.answer(WORKFLOW, Reply.transcript("dify/workflow-failed.sse"));

        dify.generate(app("{\"app_type\": \"workflow\"}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-business");
        assertThat(listener.failure.detail())
                .isEqualTo("The workflow ended failed: Variable #1745912968134.text# not found");
    }

    @Test
    void aWorkflowPausedForHumanInputIsABusinessFailure() {
        fake.answer(WORKFLOW, Reply.transcript("dify/workflow-paused.sse"));

        dify.generate(app("{\"app_type\": \"workflow\"}"), request(Map.of()), listener);

        assertThat(listener.awaitEnd()).containsExactly("error:upstream-business");
    }

    @Test
    void cancellingAWorkflowStopsItsTask() {
        String stop = "/v1/workflows/tasks/5ad4cb98-f0c7-4085-b384-88c403be6290/stop";
        fake.answer(WORKFLOW, endless("dify/workflow-tick.sse"));
        fake.answer(stop, Reply.json("{\"result\": \"success\"}"));

        Generation generation = dify.generate(app("{\"app_type\": \"workflow\"}"), request(Map.of()), listener);
        await("a first delta").until(() -> listener.calls.contains("delta: tick"));
        generation.cancel();

        await("the stop request")
                .until(() -> fake.requests().stream().anyMatch(r -> r.path().equals(stop)));
        List<String> atCancel = List.copyOf(listener.calls);
        pause(300); // a fixed window on purpose: no delta may follow the stop within it
        assertThat(listener.calls).isEqualTo(atCancel).isNotEmpty().allMatch("delta: tick"::equals);
        assertThat(json(fake.lastRequest(stop).body())).isEqualTo(json("{\"user\": \"switchboard\"}"));
    }

    @Test
    void rejectsARequestWithoutAUserMessage() {
        ChatRequest onlySystem = new ChatRequest(
                "support-bot", List.of(new ChatMessage("system", "Be brief.")), null, null, null, null, null);

        assertThatThrownBy(() -> dify.validate(app("{}"), onlySystem)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void rejectsUnknownAppTypesAndInputsThatAreNotAnObject() {
        assertThatThrownBy(() -> dify.validate(app("{\"app_type\": \"completion\"}"), request(Map.of())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("completion");
        assertThatThrownBy(() -> dify.validate(app("{\"inputs\": [1]}"), request(Map.of())))
                .isInstanceOf(InvalidInput.class);
    }

    private Upstream app(String settings) {
        return new Upstream(fake.baseUrl() + "/v1", KEY, "support-bot", json(settings));
    }

    /** A conversation whose earlier turns and sampling parameters Dify never sees. */
    private static ChatRequest request(Map<String, String> hints) {
        return new ChatRequest(
                "support-bot",
                List.of(
                        new ChatMessage("system", "Be brief."),
                        new ChatMessage("user", "Hi"),
                        new ChatMessage("assistant", "Hello! How can I help?"),
                        new ChatMessage("user", QUESTION)),
                256,
                0.2,
                0.9,
                List.of("END"),
                hints);
    }

    /** The transcript's one event, repeated for far longer than any test waits. */
    private static Reply endless(String transcript) {
        return new Reply(
                200, "text/event-stream", TranscriptServer.resource(transcript).repeat(5000), Map.of(), true);
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
