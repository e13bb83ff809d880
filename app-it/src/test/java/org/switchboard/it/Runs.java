package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/** Native runs API calls the tests share. */
final class Runs {
    private Runs() {}

    static JsonObjectBuilder body(String mode, String prompt) {
        return Json.createObjectBuilder()
                .add("model", "sim")
                .add("mode", mode)
                .add(
                        "messages",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("role", "user")
                                        .add("content", prompt)));
    }

    static HttpResponse<String> submit(String token, JsonObjectBuilder body, String... headers) {
        return Api.postJson("/api/v1/runs", token, body.build().toString(), headers);
    }

    /** Submits asynchronously and returns the run id. */
    static String start(String token, String prompt, String... simulatorHeaders) {
        HttpResponse<String> response = submit(token, body("async", prompt), simulatorHeaders);
        if (response.statusCode() != 202) {
            throw new AssertionError("submission failed: " + response.statusCode() + " " + response.body());
        }
        return Api.json(response.body()).getString("id");
    }

    static JsonObject get(String runId, String token) {
        return Api.json(Api.get("/api/v1/runs/" + runId, token).body());
    }

    /** The text of the delta events, in order. */
    static String text(List<SseClient.Event> events) {
        return events.stream()
                .filter(e -> e.type().equals("delta"))
                .map(e -> Api.json(e.data()).getString("text"))
                .collect(Collectors.joining());
    }
}
