package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chat's messages form a tree (SPEC §3): an edit is a sibling user message under the same parent, a
 * regeneration a sibling answer; the chat keeps its current leaf, {@code PUT …/current} switches branches, and GET
 * shows each message of the active branch with its siblings' ids and its position among them.
 */
class ChatBranchesIT extends SwitchboardDeployment {
    private static final String MODEL = "sim-fast";
    private static final String TENANT = "branches-it-" + Long.toString(System.currentTimeMillis(), 36);

    @Test
    void editAndRegenerateCreateSiblingsAndCurrentSwitchesBetweenThem() {
        String token = TestStack.token(TENANT, "hana", "user");
        String chatId = ChatApi.create(token, "tree").getString("id");
        String u1 = send(token, chatId, ChatApi.message(MODEL, "first question"))
                .getJsonObject("user_message")
                .getString("id");
        JsonObject chat = ChatApi.idle(token, chatId);
        String a1 = ChatApi.leaf(chat).getString("id");
        String u2 = send(token, chatId, ChatApi.message(MODEL, "second question"))
                .getJsonObject("user_message")
                .getString("id");
        String a2 = ChatApi.leaf(ChatApi.idle(token, chatId)).getString("id");

        // Edit the second question: a sibling under the same parent (the first answer).
        JsonObject edited = send(
                token, chatId, ChatApi.message(MODEL, "second question, edited").add("parent_id", a1));
        String u2b = edited.getJsonObject("user_message").getString("id");
        chat = ChatApi.idle(token, chatId);
        assertThat(ids(chat))
                .containsExactly(
                        u1, a1, u2b, edited.getJsonObject("assistant_message").getString("id"));
        JsonObject third = chat.getJsonArray("messages").getJsonObject(2);
        assertThat(strings(third, "sibling_ids")).containsExactly(u2, u2b);
        assertThat(third.getInt("sibling_index")).isEqualTo(1);
        assertThat(third.getString("parent_id")).isEqualTo(a1);
        assertThat(third.getString("content")).isEqualTo("second question, edited");
        String a2b = ChatApi.leaf(chat).getString("id");

        // Regenerate that answer: a sibling answer, and the new leaf.
        HttpResponse<String> regenerated =
                Api.postJson("/api/v1/chats/" + chatId + "/messages/" + a2b + "/regenerate", token, "{}");
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(202);
        JsonObject turn = Api.json(regenerated.body());
        assertThat(turn.getJsonObject("user_message").getString("id")).isEqualTo(u2b);
        String a2c = turn.getJsonObject("assistant_message").getString("id");
        chat = ChatApi.idle(token, chatId);
        JsonObject leaf = ChatApi.leaf(chat);
        assertThat(leaf.getString("id")).isEqualTo(a2c);
        assertThat(chat.getString("current_leaf_id")).isEqualTo(a2c);
        assertThat(strings(leaf, "sibling_ids")).containsExactly(a2b, a2c);
        assertThat(leaf.getInt("sibling_index")).isEqualTo(1);
        assertThat(leaf.getString("status")).isEqualTo("completed");
        assertThat(leaf.getString("content")).isNotEmpty();

        // Switch to the original second question: its branch down to its answer.
        HttpResponse<String> switched =
                ChatApi.put(token, "/api/v1/chats/" + chatId + "/current", "{\"message_id\":\"" + u2 + "\"}");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(switched.headers().firstValue("ETag")).isPresent();
        assertThat(ids(Api.json(switched.body()))).containsExactly(u1, a1, u2, a2);
        assertThat(ids(ChatApi.get(token, chatId))).containsExactly(u1, a1, u2, a2);
        assertThat(Api.json(switched.body())
                        .getJsonArray("messages")
                        .getJsonObject(2)
                        .getInt("sibling_index"))
                .isZero();

        // Switching to the first question follows the newest child at each step down to a leaf.
        HttpResponse<String> down =
                ChatApi.put(token, "/api/v1/chats/" + chatId + "/current", "{\"message_id\":\"" + u1 + "\"}");
        assertThat(ids(Api.json(down.body()))).containsExactly(u1, a1, u2b, a2c);

        // A send now goes under the current leaf.
        JsonObject next = send(token, chatId, ChatApi.message(MODEL, "third question"));
        chat = ChatApi.idle(token, chatId);
        assertThat(chat.getJsonArray("messages").getJsonObject(4).getString("parent_id"))
                .isEqualTo(a2c);
        assertThat(ChatApi.leaf(chat).getString("id"))
                .isEqualTo(next.getJsonObject("assistant_message").getString("id"));
    }

    @Test
    void editingTheFirstQuestionMakesASecondRoot() {
        String token = TestStack.token(TENANT, "ivo", "user");
        String chatId = ChatApi.create(token, "roots").getString("id");
        String u1 = send(token, chatId, ChatApi.message(MODEL, "hello"))
                .getJsonObject("user_message")
                .getString("id");
        ChatApi.idle(token, chatId);

        JsonObject edited =
                send(token, chatId, ChatApi.message(MODEL, "hello again").addNull("parent_id"));
        JsonObject chat = ChatApi.idle(token, chatId);
        JsonObject root = chat.getJsonArray("messages").getJsonObject(0);
        assertThat(root.getString("id"))
                .isEqualTo(edited.getJsonObject("user_message").getString("id"));
        assertThat(root.isNull("parent_id")).isTrue();
        assertThat(strings(root, "sibling_ids")).containsExactly(u1, root.getString("id"));
    }

    @Test
    void misplacedMessagesAreRefused() {
        String token = TestStack.token(TENANT, "jo", "user");
        String chatId = ChatApi.create(token, "refusals").getString("id");
        String u1 = send(token, chatId, ChatApi.message(MODEL, "q"))
                .getJsonObject("user_message")
                .getString("id");
        ChatApi.idle(token, chatId);

        HttpResponse<String> underUser =
                ChatApi.send(token, chatId, ChatApi.message(MODEL, "x").add("parent_id", u1));
        assertThat(underUser.statusCode()).as(underUser.body()).isEqualTo(400);
        assertThat(Api.json(underUser.body()).getString("type")).isEqualTo("urn:switchboard:problem:invalid-parent");
        HttpResponse<String> regenerateUser =
                Api.postJson("/api/v1/chats/" + chatId + "/messages/" + u1 + "/regenerate", token, "{}");
        assertThat(regenerateUser.statusCode()).isEqualTo(400);
        assertThat(ChatApi.send(token, chatId, ChatApi.message(MODEL, "x").add("parent_id", "123"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(ChatApi.put(token, "/api/v1/chats/" + chatId + "/current", "{\"message_id\":\"123\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ChatApi.get(token, chatId).getJsonArray("messages")).hasSize(2);
    }

    private static JsonObject send(String token, String chatId, jakarta.json.JsonObjectBuilder body) {
        return ChatApi.sent(token, chatId, body);
    }

    private static List<String> ids(JsonObject chat) {
        return chat.getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("id"))
                .toList();
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }
}
