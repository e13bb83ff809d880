package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.core.providers.control.RawUpstream.chunked;
import static org.switchboard.core.providers.control.RawUpstream.utf8;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.TranscriptServer.Reply;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.NettyTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The Netty transport behaves as the JDK client does for every dialect (the recorded transcripts and error answers
 * give the same callbacks through both), keeps connections alive, closes one that is cancelled or cut mid-body,
 * makes its threads with the given factory and stops them on close.
 */
class NettyTransportTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory factory = task -> {
        Thread thread = new Thread(task, "test-loop");
        threads.add(thread);
        return thread;
    };
    private final NettyTransport netty = new NettyTransport(factory, 1, Duration.ofSeconds(2), defaultTls());
    private final TranscriptServer fake = TranscriptServer.start();

    @AfterEach
    void stop() {
        fake.close();
        netty.close();
    }

    /** A dialect: its adapter over a transport, the path it posts to, and how to name a provider of it. */
    record Dialect(String name, Function<StreamTransport, ProviderAdapter> adapter, String path, String base) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Dialect OPENAI =
            new Dialect("openai", s -> new OpenAiCompatible(HTTP, s), "/v1/chat/completions", "/v1");
    static final Dialect ANTHROPIC = new Dialect("anthropic", AnthropicMessages::new, "/v1/messages", "");
    static final Dialect DIFY = new Dialect("dify", s -> new DifyApps(HTTP, s), "/v1/chat-messages", "/v1");
    static final Dialect MAPPED = new Dialect("mapped", MappedAdapter::new, "/v1/chat/completions", "/v1");

    static Stream<Arguments> answers() {
        List<Arguments> all = new ArrayList<>();
        for (String name : List.of("success", "cut", "error-mid-stream", "keep-alive", "malformed")) {
            all.add(Arguments.of(OPENAI, Reply.transcript("openai/" + name + ".sse")));
        }
        for (String name : List.of("success", "cached", "cut", "error-mid-stream", "malformed", "pings")) {
            all.add(Arguments.of(ANTHROPIC, Reply.transcript("anthropic/" + name + ".sse")));
        }
        for (String name : List.of("chat-basic", "chat-cut", "chat-error", "chat-malformed", "chat-ping")) {
            all.add(Arguments.of(DIFY, Reply.transcript("dify/" + name + ".sse")));
        }
        for (String name : List.of("openai", "openai-cut", "openai-error", "openai-malformed")) {
            all.add(Arguments.of(MAPPED, Reply.transcript("mapped/" + name + ".sse")));
        }
        for (Dialect dialect : List.of(OPENAI, ANTHROPIC, DIFY, MAPPED)) {
            all.add(Arguments.of(
                    dialect,
                    Reply.status(429, "{\"error\":{\"message\":\"Slow down\"}}").withHeader("Retry-After", "17")));
            all.add(Arguments.of(dialect, Reply.status(401, "{\"error\":{\"message\":\"Bad key\"}}")));
            all.add(Arguments.of(dialect, Reply.status(503, "upstream overloaded")));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void everyDialectSeesTheSameAsThroughTheJdkClient(Dialect dialect, Reply reply) {
        fake.answer(dialect.path(), reply);

        List<String> jdk = generate(dialect.adapter().apply(new JdkTransport(HTTP)), fake.baseUrl() + dialect.base());
        List<String> overNetty = generate(dialect.adapter().apply(netty), fake.baseUrl() + dialect.base());

        assertThat(overNetty).isEqualTo(jdk);
        assertThat(fake.requests()).hasSize(2);
        TranscriptServer.Received first = fake.requests().get(0);
        TranscriptServer.Received second = fake.requests().get(1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Authorization")).isEqualTo(first.header("Authorization"));
        assertThat(second.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    }

    @Test
    void aConnectionIsKeptAliveAndReused() {
        try (RawUpstream upstream = RawUpstream.start(chunked(true, utf8(delta("Hi")), utf8("data: [DONE]\n\n")))) {
            ProviderAdapter openAi = OPENAI.adapter().apply(netty);
            for (int i = 0; i < 3; i++) {
                assertThat(generate(openAi, upstream.baseUrl() + "/v1")).containsExactly("delta:Hi", "complete");
            }

            assertThat(upstream.requests).hasSize(3);
            assertThat(upstream.connections).hasValue(1);
        }
    }

    @Test
    void aCancelMidBodyClosesTheConnectionAndNothingFollows() throws InterruptedException {
        byte[][] endless = new byte[2000][];
        java.util.Arrays.fill(endless, utf8(delta("tick")));
        try (RawUpstream upstream = RawUpstream.start(chunked(true, endless))) {
            RecordingListener listener = new RecordingListener();
            Generation generation =
                    OPENAI.adapter().apply(netty).generate(upstream(upstream.baseUrl() + "/v1"), hello(), listener);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !listener.calls.isEmpty());

            generation.cancel();

            assertThat(upstream.clientClosed.await(5, TimeUnit.SECONDS))
                    .as("the upstream saw the close")
                    .isTrue();
            int seen = listener.calls.size();
            Thread.sleep(200); // what a cancelled generation must not do: call back after the cancel settled
            assertThat(listener.calls).hasSize(seen).allMatch(call -> call.equals("delta:tick"));
            upstream.answer(chunked(true, utf8(delta("Hi")), utf8("data: [DONE]\n\n")));
            assertThat(generate(OPENAI.adapter().apply(netty), upstream.baseUrl() + "/v1"))
                    .containsExactly("delta:Hi", "complete");
            assertThat(upstream.connections)
                    .as("the cancelled connection was not reused")
                    .hasValue(2);
        }
    }

    @Test
    void aBodyCutBelowHttpFramingFailsAsWithTheJdkClientAndIsNotReused() {
        try (RawUpstream upstream = RawUpstream.start(chunked(false, utf8(delta("Once"))))) {
            List<String> jdk = generate(OPENAI.adapter().apply(new JdkTransport(HTTP)), upstream.baseUrl() + "/v1");
            List<String> overNetty = generate(OPENAI.adapter().apply(netty), upstream.baseUrl() + "/v1");
            List<String> again = generate(OPENAI.adapter().apply(netty), upstream.baseUrl() + "/v1");

            assertThat(overNetty).isEqualTo(jdk).startsWith("delta:Once", "error:upstream-unreachable");
            assertThat(again).isEqualTo(overNetty);
            assertThat(upstream.connections).hasValue(3);
        }
    }

    @Test
    void aCharacterSplitAcrossWritesAndCrlfLineEndsArriveWhole() {
        String text = delta("gr\u00fc\u00df \ud83c\udf89").replace("\n", "\r\n");
        byte[] event = utf8(text);
        int split = text.indexOf('\u00fc') + 1; // all ASCII before it: the byte after the first of its two
        byte[] first = java.util.Arrays.copyOfRange(event, 0, split);
        byte[] second = java.util.Arrays.copyOfRange(event, split, event.length - 1); // ends between CR and LF
        byte[] third = {'\n'};
        try (RawUpstream upstream =
                RawUpstream.start(chunked(true, first, second, third, utf8("data: [DONE]\r\n\r\n")))) {
            assertThat(generate(OPENAI.adapter().apply(netty), upstream.baseUrl() + "/v1"))
                    .containsExactly("delta:gr\u00fc\u00df \ud83c\udf89", "complete");
        }
    }

    @Test
    void theConnectDeadlineIsATimeout() throws Exception {
        NettyTransport impatient = new NettyTransport(factory, 1, Duration.ofMillis(300), defaultTls());
        // a listening socket whose accept queue is full: the kernel drops further connection attempts unanswered
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                    queued.add(socket);
                } catch (java.io.IOException dropped) {
                    socket.close();
                    break;
                }
            }
            String base = "http://127.0.0.1:" + full.getLocalPort() + "/v1";
            RecordingListener listener = new RecordingListener();
            OPENAI.adapter().apply(impatient).generate(upstream(base), hello(), listener);

            assertThat(listener.awaitEnd()).containsExactly("error:upstream-timeout");
            for (Socket socket : queued) {
                socket.close();
            }
        } finally {
            impatient.close();
        }
    }

    @Test
    void itsThreadsComeFromTheFactoryAndEndOnClose() throws InterruptedException {
        fake.answer(OPENAI.path(), Reply.transcript("openai/success.sse"));
        generate(OPENAI.adapter().apply(netty), fake.baseUrl() + "/v1");
        assertThat(threads).hasSize(1);

        netty.close();

        for (Thread thread : threads) {
            thread.join(5000);
            assertThat(thread.isAlive()).isFalse();
        }
        RecordingListener afterClose = new RecordingListener();
        OPENAI.adapter().apply(netty).generate(upstream(fake.baseUrl() + "/v1"), hello(), afterClose);
        assertThat(afterClose.awaitEnd()).containsExactly("error:upstream-unreachable");
    }

    static String delta(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
    }

    private static List<String> generate(ProviderAdapter adapter, String baseUrl) {
        RecordingListener listener = new RecordingListener();
        adapter.generate(upstream(baseUrl), hello(), listener);
        List<String> calls = new ArrayList<>(listener.awaitEnd());
        if (listener.failure != null) {
            calls.add(listener.failure.upstreamStatus() + " " + listener.failure.retryAfter() + " "
                    + listener.failure.detail());
        }
        return calls;
    }

    private static Upstream upstream(String baseUrl) {
        return new Upstream(baseUrl, "sk-test", "m", settings("{}"));
    }

    private static ChatRequest hello() {
        return new ChatRequest("m", List.of(new ChatMessage("user", "Hello")), 16, null, null, null, Map.of());
    }

    private static JsonObject settings(String json) {
        return JsonP.createReader(new StringReader(json)).readObject();
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
