package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The admin REST API (providers, keys, policies) as the routing tests use it. */
final class Admin {
    private Admin() {}

    static JsonObject createProvider(String token, String name, String kind, String baseUrl, JsonObject settings) {
        JsonObjectBuilder body =
                Json.createObjectBuilder().add("name", name).add("kind", kind).add("settings", settings);
        if (baseUrl != null) {
            body.add("base_url", baseUrl);
        }
        return created(
                Api.postJson("/api/v1/admin/providers", token, body.build().toString()));
    }

    /** A simulator provider whose settings script every call to it. */
    static JsonObject simulator(String token, String name, JsonObjectBuilder settings) {
        return createProvider(
                token, name, "simulator", null, settings.add("label", name).build());
    }

    static JsonObject createPolicy(
            String token, String alias, String strategy, JsonArray targets, JsonObject resilience) {
        String body = Json.createObjectBuilder()
                .add("alias", alias)
                .add("strategy", strategy)
                .add("targets", targets)
                .add("resilience", resilience)
                .build()
                .toString();
        return created(Api.postJson("/api/v1/admin/policies", token, body));
    }

    static JsonObject put(String token, String path, JsonObject body) {
        HttpResponse<String> response = Api.send(Api.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response.body());
    }

    static JsonObjectBuilder target(String provider, String model) {
        return Json.createObjectBuilder().add("provider", provider).add("model", model);
    }

    /** A run through {@code alias} in sync mode, as the tenant's user sees it when it ended. */
    static JsonObject syncRun(String token, String alias, String prompt) {
        JsonObjectBuilder body = Runs.body("sync", prompt).add("model", alias);
        HttpResponse<String> response = Runs.submit(token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response.body());
    }

    static String servedBy(JsonObject run) {
        return run.containsKey("route") ? run.getJsonObject("route").getString("served_by") : null;
    }

    static int attempts(JsonObject run) {
        return run.containsKey("route") ? run.getJsonObject("route").getInt("attempts") : 0;
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return Api.json(response.body());
    }
}
