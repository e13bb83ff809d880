package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad bodies, headers, path and query values against every POST and GET endpoint: each is refused
 * with a 4xx RFC 9457 problem, stores nothing, leaves the server ready, and costs the log one line, never a
 * stack trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedInputIT extends SwitchboardDeployment {
    private static final String TENANT = "malformed";
    private static final String USER = TestStack.token(TENANT, "malformed-user", "user");
    private static final String ADMIN = TestStack.token(TENANT, "malformed-admin", "user", "admin");
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    private static final String DEEP_ARRAYS = "[".repeat(5_000);
    private static final String DEEP_OBJECTS = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    /** Over the suite's 64 KiB body limit, and just under it. */
    private static final String OVER_LIMIT = "x".repeat(70_000);

    private static final String BIG = "x".repeat(60_000);
    private static final Path SERVER_LOG = Path.of(System.getProperty("payara.home", "target/payara/payara6"))
            .resolve("glassfish/domains/it/logs/server.log");

    private static final AtomicInteger refused = new AtomicInteger();
    private static long logOffset = -1;
    private static String runId;
    private static String chatId;

    /** One bad request: its name, method, path, caller, extra headers and body (null: none). */
    record Case(String name, String method, String path, String token, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badBodies() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> posts = Map.of(
                "/v1/chat/completions", USER,
                "/v1/embeddings", USER,
                "/api/v1/runs", USER,
                "/api/v1/admin/providers", ADMIN,
                "/api/v1/admin/policies", ADMIN);
        posts.forEach((path, token) -> {
            for (String[] body : new String[][] {
                {"not JSON", "hello"},
                {"empty", ""},
                {"truncated", "{\"model\":\"sim\","},
                {"trailing garbage", "{\"model\":\"sim\"}}"},
                {"an array", "[1,2]"},
                {"a string", "\"sim\""},
                {"5,000 nested arrays", DEEP_ARRAYS},
                {"5,000 nested objects", DEEP_OBJECTS},
                {"a string over the body limit", "{\"model\":\"" + OVER_LIMIT + "\"}"},
                {"a big string of the wrong type", "{\"model\":[\"" + BIG + "\"]}"},
                {"a 60,000-digit number", "{\"model\":\"sim\",\"temperature\":" + "1".repeat(60_000) + "}"},
            }) {
                cases.add(new Case("POST " + path + ": " + body[0], "POST", path, token, Map.of(), body[1]));
            }
        });
        return cases.stream();
    }

    /** Chat fields the OpenAI API refuses (400, the field named), on both chat endpoints. */
    static Stream<Arguments> badChatFields() {
        String[][] fields = {
            {"temperature", "\"temperature\":99," + MESSAGES},
            {"temperature", "\"temperature\":-1," + MESSAGES},
            {"temperature", "\"temperature\":\"hot\"," + MESSAGES},
            {"top_p", "\"top_p\":1.5," + MESSAGES},
            {"max_tokens", "\"max_tokens\":0," + MESSAGES},
            {"max_tokens", "\"max_tokens\":99999999999999999999," + MESSAGES},
            {"max_tokens", "\"max_tokens\":\"ten\"," + MESSAGES},
            {"stop[0]", "\"stop\":[1]," + MESSAGES},
            {"stop", "\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]," + MESSAGES},
            {"stop", "\"stop\":{}," + MESSAGES},
            {"messages", "\"messages\":[]"},
            {"messages", "\"messages\":\"hi\""},
            {"messages[0]", "\"messages\":[1]"},
            {"messages[0].role", "\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]"},
            {"messages[0].content", "\"messages\":[{\"role\":\"user\",\"content\":5}]"},
            {"upstream_conversation_id", "\"upstream_conversation_id\":\"" + BIG + "\"," + MESSAGES},
        };
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of("/v1/chat/completions", "/api/v1/runs")) {
            for (String[] field : fields) {
                cases.add(chatField(
                        field[0],
                        new Case(
                                field[0] + " on " + path + ": " + abbreviated(field[1]),
                                "POST",
                                path,
                                USER,
                                Map.of(),
                                "{\"model\":\"sim\"," + field[1] + "}")));
            }
        }
        for (String[] field : new String[][] {
            {"stream", "\"stream\":\"yes\""}, {"stream", "\"stream\":1"}, {"stream_options", "\"stream_options\":\"x\""}
        }) {
            cases.add(chatField(
                    field[0],
                    new Case(
                            field[0] + ": " + field[1],
                            "POST",
                            "/v1/chat/completions",
                            USER,
                            Map.of(),
                            "{\"model\":\"sim\"," + field[1] + "," + MESSAGES + "}")));
        }
        for (String[] field : new String[][] {
            {"mode", "\"mode\":5"}, {"mode", "\"mode\":\"later\""}, {"callback_url", "\"callback_url\":5"}
        }) {
            cases.add(chatField(
                    field[0],
                    new Case(
                            field[0] + ": " + field[1],
                            "POST",
                            "/api/v1/runs",
                            USER,
                            Map.of(),
                            "{\"model\":\"sim\"," + field[1] + "," + MESSAGES + "}")));
        }
        return cases.stream();
    }

    private static Arguments chatField(String field, Case bad) {
        return Arguments.of(field, bad);
    }

    /** Bad headers, path and query values on the GET and POST endpoints (a valid body where there is one). */
    static Stream<Case> badHeadersAndQueries() {
        String run = "{\"model\":\"sim\",\"mode\":\"async\"," + MESSAGES + "}";
        List<Case> cases = new ArrayList<>();
        for (String key : List.of("", " ", "k".repeat(256), "k".repeat(4_000))) {
            cases.add(new Case(
                    "Idempotency-Key of " + key.length() + " chars: " + abbreviated(key),
                    "POST",
                    "/api/v1/runs",
                    USER,
                    Map.of("Idempotency-Key", key),
                    run));
        }
        for (String seq : List.of("abc", "-1", "1.5", "99999999999999999999")) {
            cases.add(new Case(
                    "Last-Event-ID " + seq,
                    "GET",
                    "/api/v1/runs/{run}/events",
                    USER,
                    Map.of("Last-Event-ID", seq),
                    null));
            cases.add(new Case(
                    "events after=" + seq, "GET", "/api/v1/runs/{run}/events?after=" + seq, USER, Map.of(), null));
            cases.add(new Case("after=" + seq, "GET", "/api/v1/runs/{run}?after=" + seq, USER, Map.of(), null));
            cases.add(new Case("wait=" + seq, "GET", "/api/v1/runs/{run}?after=0&wait=" + seq, USER, Map.of(), null));
        }
        for (String id : List.of("abc", "-1", "99999999999999999999", "1e3")) {
            cases.add(new Case("run id " + id, "GET", "/api/v1/runs/" + id, USER, Map.of(), null));
            cases.add(
                    new Case("events of run id " + id, "GET", "/api/v1/runs/" + id + "/events", USER, Map.of(), null));
            cases.add(new Case("cancel run id " + id, "POST", "/api/v1/runs/" + id + "/cancel", USER, Map.of(), ""));
            cases.add(
                    new Case("admin provider id " + id, "GET", "/api/v1/admin/providers/" + id, ADMIN, Map.of(), null));
        }
        for (String path : List.of(
                "/v1/models",
                "/api/v1/webhooks/secret",
                "/api/v1/admin/providers",
                "/api/v1/admin/policies",
                "/api/v1/runs/{run}")) {
            cases.add(new Case(
                    "GET " + path + " accepting only image/png",
                    "GET",
                    path,
                    ADMIN,
                    Map.of("Accept", "image/png"),
                    null));
        }
        cases.addAll(badChatRequests());
        cases.add(
                new Case("the webhook secret for a non-admin", "GET", "/api/v1/webhooks/secret", USER, Map.of(), null));
        cases.add(new Case(
                "chat as text/plain",
                "POST",
                "/v1/chat/completions",
                USER,
                Map.of("Content-Type", "text/plain"),
                "{\"model\":\"sim\"," + MESSAGES + "}"));
        return cases.stream();
    }

    /** Bad bodies, ids and queries of the conversations API ({chat}: a chat of the caller's, not generating). */
    static List<Case> badChatRequests() {
        List<Case> cases = new ArrayList<>();
        for (String[] body : new String[][] {
            {"not JSON", "hello"},
            {"an array", "[1,2]"},
            {"5,000 nested objects", DEEP_OBJECTS},
            {"a number as title", "{\"title\":5}"},
            {"a title of 201 characters", "{\"title\":\"" + "t".repeat(201) + "\"}"},
            {"a client_id with a space", "{\"client_id\":\"a b\"}"},
            {"a client_id of 65 characters", "{\"client_id\":\"" + "c".repeat(65) + "\"}"},
            {"an unknown member", "{\"titel\":\"typo\"}"},
        }) {
            cases.add(new Case("POST /api/v1/chats: " + body[0], "POST", "/api/v1/chats", USER, Map.of(), body[1]));
        }
        String messages = "/api/v1/chats/{chat}/messages";
        for (String[] body : new String[][] {
            {"empty", ""},
            {"no content", "{\"model\":\"sim\"}"},
            {"no model", "{\"content\":\"hi\"}"},
            {"blank content", "{\"content\":\" \",\"model\":\"sim\"}"},
            {"content as a number", "{\"content\":5,\"model\":\"sim\"}"},
            {"content as an object", "{\"content\":{\"text\":\"hi\"},\"model\":\"sim\"}"},
            {"a parent_id that is no id", "{\"content\":\"hi\",\"model\":\"sim\",\"parent_id\":\"abc\"}"},
            {"a parent_id as a number", "{\"content\":\"hi\",\"model\":\"sim\",\"parent_id\":5}"},
            {"a parent_id of no message", "{\"content\":\"hi\",\"model\":\"sim\",\"parent_id\":\"77\"}"},
            {"an unknown model", "{\"content\":\"hi\",\"model\":\"no-such-model\"}"},
            {"a model of 129 characters", "{\"content\":\"hi\",\"model\":\"" + "m".repeat(129) + "\"}"},
            {"a string over the body limit", "{\"content\":\"" + OVER_LIMIT + "\",\"model\":\"sim\"}"},
        }) {
            cases.add(new Case("POST " + messages + ": " + body[0], "POST", messages, USER, Map.of(), body[1]));
        }
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "before=abc", "before=-1", "all=yes")) {
            cases.add(new Case("chats?" + query, "GET", "/api/v1/chats?" + query, USER, Map.of(), null));
        }
        for (String id : List.of("abc", "-1", "99999999999999999999")) {
            cases.add(new Case("chat id " + id, "GET", "/api/v1/chats/" + id, USER, Map.of(), null));
            cases.add(new Case(
                    "regenerate message id " + id,
                    "POST",
                    "/api/v1/chats/{chat}/messages/" + id + "/regenerate",
                    USER,
                    Map.of(),
                    "{}"));
        }
        cases.add(new Case("current without message_id", "PUT", "/api/v1/chats/{chat}/current", USER, Map.of(), "{}"));
        cases.add(new Case(
                "current with message_id abc",
                "PUT",
                "/api/v1/chats/{chat}/current",
                USER,
                Map.of(),
                "{\"message_id\":\"abc\"}"));
        cases.add(new Case("rename to blank", "PATCH", "/api/v1/chats/{chat}", USER, Map.of(), "{\"title\":\" \"}"));
        cases.add(new Case("rename to null", "PATCH", "/api/v1/chats/{chat}", USER, Map.of(), "{\"title\":null}"));
        cases.add(new Case(
                "stop a chat that is not generating", "POST", "/api/v1/chats/{chat}/stop", USER, Map.of(), ""));
        cases.add(new Case(
                "create a chat as text/plain",
                "POST",
                "/api/v1/chats",
                USER,
                Map.of("Content-Type", "text/plain"),
                "{\"title\":\"x\"}"));
        return cases;
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIsRefusedWithAProblemAndStoresNothing(Case bad) throws SQLException {
        assertRefused(bad);
    }

    @Order(2)
    @ParameterizedTest(name = "{1}")
    @MethodSource("badChatFields")
    void aChatFieldOutOfOpenAisRangeIs400NamingIt(String field, Case bad) throws SQLException {
        JsonObject problem = assertRefused(bad);
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field"))
                .isEqualTo(field);
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeadersAndQueries")
    void aBadHeaderPathOrQueryValueIsRefusedWithAProblem(Case bad) throws SQLException {
        assertRefused(bad);
    }

    /** A tab is legal in an HTTP field value, so it reaches the application, which refuses it in a key. */
    @Order(4)
    @Test
    void anIdempotencyKeyWithATabIsRefused() throws SQLException {
        long[] before = stored();
        String answer = raw(runWithKey("a\tb"));
        refused.incrementAndGet();
        assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("urn:switchboard:problem:invalid-idempotency-key");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * DEL and bytes over 0x7f in a header are refused by the HTTP listener (Grizzly) before the application sees
     * the request: a bare 400, nothing stored, and nothing for the application to log.
     */
    @Order(4)
    @ParameterizedTest(name = "Idempotency-Key with {0}")
    @MethodSource("controlCharacters")
    void anIdempotencyKeyTheListenerRefusesStoresNothing(String what, String key) throws SQLException {
        long[] before = stored();
        String answer = raw(runWithKey(key));
        assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
        assertThat(stored()).isEqualTo(before);
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(Arguments.of("DEL", "a\u007fb"), Arguments.of("a byte over 0x7f", "a\u00ffb"));
    }

    private static String runWithKey(String key) {
        String body = "{\"model\":\"sim\",\"mode\":\"async\"," + MESSAGES + "}";
        return "POST /api/v1/runs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + USER
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key + "\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    /**
     * 10,000 characters overflow the HTTP listener's header buffer (Payara's default 8 KiB), so Grizzly refuses
     * the request before the application sees it: a 4xx all the same, and nothing stored.
     */
    @Order(4)
    @Test
    void anIdempotencyKeyBeyondTheHeaderBufferIsRefused() throws SQLException {
        markLogStart();
        long[] before = stored();
        HttpResponse<String> response = Api.postJson(
                "/api/v1/runs",
                USER,
                "{\"model\":\"sim\",\"mode\":\"async\"," + MESSAGES + "}",
                "Idempotency-Key",
                "k".repeat(10_000));
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        if (response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
            refused.incrementAndGet(); // it reached the application, which logs it
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Order(5)
    @Test
    void theServerStaysReady() {
        assertReady();
    }

    private static void assertReady() {
        assertThat(Api.send(Api.request("/health/ready", null).GET().build()).statusCode())
                .as("/health/ready")
                .isEqualTo(200);
    }

    @Order(6)
    @Test
    void theLogHasOneLinePerRefusalAndNoStackTrace() {
        await("a log line per refused request")
                .atMost(Duration.ofSeconds(10))
                .until(() -> count(logSinceStart(), "Refused ") >= refused.get());
        String log = logSinceStart();
        assertThat(count(log, "Refused ")).as("one line per refused request").isEqualTo(refused.get());
        assertThat(log)
                .doesNotContain("failed unexpectedly")
                .doesNotContain("too deeply nested")
                .doesNotContain("\tat org.switchboard")
                .doesNotContain("\tat org.glassfish.jersey");
    }

    private static JsonObject assertRefused(Case bad) throws SQLException {
        markLogStart();
        long[] before = stored();
        HttpResponse<String> response = Api.send(request(bad));
        refused.incrementAndGet();
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = Api.json(response.body());
        assertThat(problem.getString("type")).startsWith("urn:switchboard:problem:");
        assertThat(problem.getInt("status")).isEqualTo(response.statusCode());
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(stored())
                .as("rows of runs, idempotency_keys, providers, routing_policies, chats, chat_messages")
                .isEqualTo(before);
        assertReady();
        return problem;
    }

    private static HttpRequest request(Case bad) {
        HttpRequest.Builder builder =
                Api.request(bad.path().replace("{run}", run()).replace("{chat}", chat()), bad.token());
        if (bad.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        bad.headers().forEach(builder::setHeader);
        return builder.method(
                        bad.method(),
                        bad.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(bad.body()))
                .build();
    }

    /** A run of the caller's, for the endpoints that read one; made before any row is counted. */
    private static synchronized String run() {
        if (runId == null) {
            runId = Runs.start(USER, "a run to ask about badly");
        }
        return runId;
    }

    /** A chat of the caller's, for the chat endpoints; made before any row is counted. */
    private static synchronized String chat() {
        if (chatId == null) {
            chatId = ChatApi.create(USER, "a chat to send badly to").getString("id");
        }
        return chatId;
    }

    /** Row counts of every table a refused request could have written. */
    private static long[] stored() throws SQLException {
        run();
        chat();
        String[] tables = {"runs", "idempotency_keys", "providers", "routing_policies", "chats", "chat_messages"};
        long[] counts = new long[tables.length];
        try (var db = TestStack.jdbc()) {
            for (int i = 0; i < tables.length; i++) {
                try (var query = db.prepareStatement("SELECT COUNT(*) FROM " + tables[i]);
                        var rows = query.executeQuery()) {
                    rows.next();
                    counts[i] = rows.getLong(1);
                }
            }
        }
        return counts;
    }

    private static synchronized void markLogStart() {
        if (logOffset < 0) {
            try {
                logOffset = Files.exists(SERVER_LOG) ? Files.size(SERVER_LOG) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String logSinceStart() {
        try {
            byte[] all = Files.readAllBytes(SERVER_LOG);
            int from = (int) Math.min(Math.max(logOffset, 0), all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** A request the JDK's client refuses to send (control characters in a header), over a plain socket. */
    private static String raw(String request) {
        try (Socket socket =
                new Socket(TestStack.baseUri().getHost(), TestStack.baseUri().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
