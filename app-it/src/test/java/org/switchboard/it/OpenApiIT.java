package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI document Payara serves describes the runs and OpenAI-compatible endpoints with typed bodies. */
class OpenApiIT extends SwitchboardDeployment {
    private static JsonObject document() {
        HttpResponse<String> response = Api.send(Api.request("/openapi", null)
                .header("Accept", "application/json")
                .GET()
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response.body());
    }

    @Test
    void listsTheChatAndRunsEndpointsWithARequestSchemaHavingMessages() {
        JsonObject document = document();
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Switchboard API");
        JsonObject paths = document.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/v1/chat/completions", "/api/v1/runs", "/api/v1/runs/{id}/events");
        for (String path : new String[] {"/v1/chat/completions", "/api/v1/runs"}) {
            JsonObject schema = requestSchema(document, paths.getJsonObject(path));
            assertThat(schema.getJsonObject("properties").keySet())
                    .as(path + " request schema")
                    .contains("model", "messages", "temperature", "max_tokens", "stop");
            assertThat(schema.getJsonArray("required").toString()).contains("messages");
        }
    }

    @Test
    void describesTheProblemAnswers() {
        JsonObject document = document();
        JsonObject problem =
                document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertThat(problem.getJsonObject("properties").keySet()).contains("type", "status", "violations");
    }

    private static JsonObject requestSchema(JsonObject document, JsonObject path) {
        JsonObject schema = path.getJsonObject("post")
                .getJsonObject("requestBody")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema");
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        return schema;
    }
}
