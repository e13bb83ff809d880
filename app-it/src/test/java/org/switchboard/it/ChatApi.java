package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The conversations API as the chat tests use it. */
final class ChatApi {
    private ChatApi() {}

    static JsonObject create(String token, String title) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (title != null) {
            body.add("title", title);
        }
        HttpResponse<String> response =
                Api.postJson("/api/v1/chats", token, body.build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response.body());
    }

    static HttpResponse<String> send(String token, String chatId, JsonObjectBuilder body, String... headers) {
        return Api.postJson(
                "/api/v1/chats/" + chatId + "/messages", token, body.build().toString(), headers);
    }

    static JsonObjectBuilder message(String model, String content) {
        return Json.createObjectBuilder().add("model", model).add("content", content);
    }

    /** Sends and expects 202; returns the answer. */
    static JsonObject sent(String token, String chatId, JsonObjectBuilder body, String... headers) {
        HttpResponse<String> response = send(token, chatId, body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Api.json(response.body());
    }

    static JsonObject get(String token, String chatId) {
        HttpResponse<String> response = Api.get("/api/v1/chats/" + chatId, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response.body());
    }

    /** Waits until the chat no longer generates; returns it then. */
    static JsonObject idle(String token, String chatId) {
        await("chat " + chatId + " to stop generating")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !get(token, chatId).getBoolean("generating"));
        return get(token, chatId);
    }

    static HttpResponse<String> put(String token, String path, String json) {
        return Api.send(Api.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> patch(String token, String path, String json) {
        return Api.send(Api.request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> delete(String token, String path) {
        return Api.send(Api.request(path, token).DELETE().build());
    }

    /** The last message of the chat's active branch. */
    static JsonObject leaf(JsonObject chat) {
        var messages = chat.getJsonArray("messages");
        return messages.getJsonObject(messages.size() - 1);
    }
}
