package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Chats and their generations on the real stack (SPEC §3): a send answers 202 at once and its answer ends with
 * the run's stored output; one generation per chat; ETag and 304; cursor pages without gap or duplicate; client
 * ids that make creates and sends safe to repeat; stop keeps the partial answer; a title is written; delete is
 * audited; a user sees only their own chats unless admin.
 */
class ChatsIT extends SwitchboardDeployment {
    /** Tenants of this test run: a database kept from an earlier local run holds the same names in other ones. */
    private static final String TENANT = "chats-it-" + Long.toString(System.currentTimeMillis(), 36);

    @Test
    void aSendAnswers202AtOnceAndTheAnswerEndsWithTheRunsStoredOutput() {
        String token = TestStack.token(TENANT, "ann", "user");
        String chatId = ChatApi.create(token, null).getString("id");

        JsonObject turn = ChatApi.sent(
                token, chatId, ChatApi.message("sim", "Hello there").add("client_id", "m-1"));

        assertThat(turn.getString("chat_id")).isEqualTo(chatId);
        assertThat(turn.getJsonObject("user_message").getString("client_id")).isEqualTo("m-1");
        assertThat(turn.getJsonObject("user_message").getString("id")).matches("[0-9]+");
        String runId = turn.getString("run_id");
        assertThat(turn.getString("stream_url")).startsWith("/api/v1/runs/" + runId + "/events?ticket=");
        JsonObject chat = ChatApi.idle(token, chatId);
        JsonObject answer = ChatApi.leaf(chat);
        assertThat(answer.getString("id"))
                .isEqualTo(turn.getJsonObject("assistant_message").getString("id"));
        assertThat(answer.getString("status")).isEqualTo("completed");
        assertThat(answer.getString("content"))
                .isEqualTo(Runs.get(runId, token).getString("output"))
                .isNotEmpty();
        assertThat(answer.getJsonObject("usage").getInt("output_tokens")).isEqualTo(24);
        assertThat(answer.isNull("stream_url")).isTrue();
        assertThat(chat.getJsonArray("messages")).hasSize(2);
        assertThat(chat.isNull("active_run_id")).isTrue();
    }

    @Test
    void aSecondSendWhileGeneratingIs409NamingTheActiveRun() throws Exception {
        String token = TestStack.token(TENANT, "bob", "user");
        String chatId = ChatApi.create(token, "busy").getString("id");
        String[] slow = {"X-Simulator-Tokens", "40", "X-Simulator-Delay-Ms", "100"};

        List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            sends.add(CompletableFuture.supplyAsync(
                    () -> ChatApi.send(token, chatId, ChatApi.message("sim", "at once " + n), slow)));
        }
        List<HttpResponse<String>> answers =
                sends.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> accepted =
                answers.stream().filter(r -> r.statusCode() == 202).toList();
        assertThat(accepted).as("exactly one send wins").hasSize(1);
        String runId = Api.json(accepted.get(0).body()).getString("run_id");
        for (HttpResponse<String> refused : answers) {
            if (refused.statusCode() != 202) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                JsonObject problem = Api.json(refused.body());
                assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:chat-generating");
                assertThat(problem.getString("active_run_id")).isEqualTo(runId);
            }
        }
        JsonObject chat = ChatApi.get(token, chatId);
        assertThat(chat.getBoolean("generating")).isTrue();
        assertThat(chat.getString("active_run_id")).isEqualTo(runId);
        assertThat(ChatApi.leaf(chat).getString("status")).isEqualTo("generating");
        assertThat(ChatApi.leaf(chat).getString("stream_url")).contains("/api/v1/runs/" + runId + "/events?ticket=");

        ChatApi.idle(token, chatId);
        assertThat(ChatApi.send(token, chatId, ChatApi.message("sim", "now")).statusCode())
                .isEqualTo(202);
    }

    @Test
    void getAnswersWithTheVersionAsETagAnd304WhileItHoldsThenTheNewVersion() {
        String token = TestStack.token(TENANT, "cat", "user");
        String chatId = ChatApi.create(token, "etag").getString("id");
        HttpResponse<String> first = Api.get("/api/v1/chats/" + chatId, token);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + Api.json(first.body()).getInt("version") + "\"");

        HttpResponse<String> unchanged = Api.send(Api.request("/api/v1/chats/" + chatId, token)
                .header("If-None-Match", etag)
                .GET()
                .build());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        assertThat(ChatApi.patch(token, "/api/v1/chats/" + chatId, "{\"title\":\"renamed\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> changed = Api.send(Api.request("/api/v1/chats/" + chatId, token)
                .header("If-None-Match", etag)
                .GET()
                .build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(Api.json(changed.body()).getString("title")).isEqualTo("renamed");
    }

    @Test
    void cursorPagesOver250ChatsHaveNoDuplicateAndNoGap() {
        String token = TestStack.token(TENANT, "pager", "user");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            created.add(ChatApi.create(token, "chat " + i).getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String before = null;
        do {
            HttpResponse<String> page =
                    Api.get("/api/v1/chats?limit=40" + (before == null ? "" : "&before=" + before), token);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonObject json = Api.json(page.body());
            json.getJsonArray("chats")
                    .forEach(chat -> seen.add(chat.asJsonObject().getString("id")));
            before = json.isNull("next_before") ? null : json.getString("next_before");
        } while (before != null);

        assertThat(seen).doesNotHaveDuplicates();
        Collections.reverse(created); // newest first
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void aRepeatedClientIdReturnsTheSameChatAndTheSameSend() {
        String token = TestStack.token(TENANT, "dan", "user");
        String body = "{\"client_id\":\"local-chat-1\",\"title\":\"mine\"}";
        HttpResponse<String> first = Api.postJson("/api/v1/chats", token, body);
        HttpResponse<String> again = Api.postJson("/api/v1/chats", token, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        String chatId = Api.json(first.body()).getString("id");
        assertThat(Api.json(again.body()).getString("id")).isEqualTo(chatId);
        assertThat(Api.json(again.body()).getString("client_id")).isEqualTo("local-chat-1");

        var send = ChatApi.message("sim", "once").add("client_id", "local-msg-1");
        JsonObject sent = ChatApi.sent(token, chatId, send);
        JsonObject resent = ChatApi.sent(token, chatId, send);
        assertThat(resent.getString("run_id")).isEqualTo(sent.getString("run_id"));
        assertThat(resent.getJsonObject("user_message")).isEqualTo(sent.getJsonObject("user_message"));
        assertThat(resent.getJsonObject("assistant_message")).isEqualTo(sent.getJsonObject("assistant_message"));
        assertThat(ChatApi.idle(token, chatId).getJsonArray("messages")).hasSize(2);
    }

    @Test
    void stopKeepsThePartialAnswerWithItsStatus() {
        String token = TestStack.token(TENANT, "eve", "user");
        String chatId = ChatApi.create(token, "stop me").getString("id");
        JsonObject turn = ChatApi.sent(
                token,
                chatId,
                ChatApi.message("sim", "long"),
                "X-Simulator-Tokens",
                "400",
                "X-Simulator-Delay-Ms",
                "50");
        String runId = turn.getString("run_id");
        await("some text")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Runs.get(runId, token).getString("output").length() > 20);

        HttpResponse<String> stopped = Api.postJson("/api/v1/chats/" + chatId + "/stop", token, "");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(Api.json(stopped.body()).getString("run_id")).isEqualTo(runId);

        JsonObject answer = ChatApi.leaf(ChatApi.idle(token, chatId));
        assertThat(answer.getString("status")).isEqualTo("cancelled");
        String output = Runs.get(runId, token).getString("output");
        assertThat(answer.getString("content")).isEqualTo(output).isNotEmpty();
        assertThat(output.split(" ")).hasSizeLessThan(400);
        HttpResponse<String> again = Api.postJson("/api/v1/chats/" + chatId + "/stop", token, "");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void theFirstExchangeWritesATitleThroughTheCheapAlias() {
        String token = TestStack.token(TENANT, "fay", "user");
        JsonObject chat = ChatApi.create(token, null);
        assertThat(chat.getString("title")).isEqualTo("New chat");
        String chatId = chat.getString("id");
        ChatApi.sent(token, chatId, ChatApi.message("sim-fast", "Tell me about switchboards"));

        await("the title")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !ChatApi.get(token, chatId).getString("title").equals("New chat"));
        String title = ChatApi.get(token, chatId).getString("title");
        assertThat(title).isNotBlank().hasSizeLessThanOrEqualTo(80);
        assertThat(title.split(" ")).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aUserSeesOnlyTheirOwnChatsAndATenantAdminEveryChat() {
        String alice = TestStack.token(TENANT + "-own", "alice", "user");
        String bruno = TestStack.token(TENANT + "-own", "bruno", "user");
        String admin = TestStack.token(TENANT + "-own", "root", "user", "admin");
        String aliceChat = ChatApi.create(alice, "alice's").getString("id");
        String brunoChat = ChatApi.create(bruno, "bruno's").getString("id");

        assertThat(Api.get("/api/v1/chats/" + aliceChat, bruno).statusCode()).isEqualTo(404);
        assertThat(ChatApi.send(bruno, aliceChat, ChatApi.message("sim", "hi")).statusCode())
                .isEqualTo(404);
        assertThat(ids(Api.get("/api/v1/chats", bruno))).containsExactly(brunoChat);
        assertThat(ids(Api.get("/api/v1/chats?all=true", bruno))).containsExactly(brunoChat);
        assertThat(ids(Api.get("/api/v1/chats?all=true", admin))).containsExactly(brunoChat, aliceChat);
        assertThat(Api.get("/api/v1/chats/" + aliceChat, admin).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteRemovesTheChatAndItsMessagesAndIsAudited() throws Exception {
        String token = TestStack.token(TENANT, "gil", "user");
        String chatId = ChatApi.create(token, "doomed").getString("id");
        ChatApi.sent(token, chatId, ChatApi.message("sim-fast", "bye"));
        ChatApi.idle(token, chatId);

        assertThat(ChatApi.delete(token, "/api/v1/chats/" + chatId).statusCode())
                .isEqualTo(204);

        assertThat(Api.get("/api/v1/chats/" + chatId, token).statusCode()).isEqualTo(404);
        assertThat(ChatApi.delete(token, "/api/v1/chats/" + chatId).statusCode())
                .isEqualTo(404);
        try (var db = TestStack.jdbc()) {
            assertThat(count(db, "SELECT COUNT(*) FROM chat_messages WHERE chat_id = ?", chatId))
                    .isZero();
            await("the audit row")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> count(
                                    db,
                                    "SELECT COUNT(*) FROM audit_log WHERE method = 'DELETE' AND status = 204 AND actor = 'gil'"
                                            + " AND route = CONCAT('/api/v1/chats/', ?)",
                                    chatId)
                            == 1);
        }
    }

    private static long count(java.sql.Connection db, String sql, String id) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Api.json(page.body())
                .getJsonArray("chats")
                .forEach(chat -> ids.add(chat.asJsonObject().getString("id")));
        return ids;
    }
}
