package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI document Payara serves describes the runs and OpenAI-compatible endpoints with typed bodies. */
class OpenApiIT extends SwitchboardDeployment {
    /** Fetched without a token, as any OpenAPI tool would; kept in target/ for a look at what it says. */
    private static JsonObject document() throws IOException {
        HttpResponse<String> response = Api.send(Api.request("/openapi", null)
                .header("Accept", "application/json")
                .GET()
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), response.body());
        return Api.json(response.body());
    }

    @Test
    void listsTheChatAndRunsEndpointsWithARequestSchemaHavingMessages() throws IOException {
        JsonObject document = document();
        JsonObject paths = document.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/v1/chat/completions", "/api/v1/runs", "/api/v1/runs/{id}/events");
        for (String path : new String[] {"/v1/chat/completions", "/api/v1/runs"}) {
            JsonObject schema = requestSchema(document, paths.getJsonObject(path));
            assertThat(schema.getJsonObject("properties").keySet())
                    .as(path + " request schema")
                    .contains("model", "messages", "temperature", "max_tokens", "stop");
            JsonObject message =
                    schema.getJsonObject("properties").getJsonObject("messages").getJsonObject("items");
            assertThat(message.toString()).as(path + " messages items").containsAnyOf("ChatMessage", "role");
        }
    }

    @Test
    void describesTheProblemAnswers() throws IOException {
        JsonObject document = document();
        assertThat(document.getJsonObject("components")
                        .getJsonObject("responses")
                        .keySet())
                .contains("Problem");
        assertThat(document.getJsonObject("components")
                        .getJsonObject("responses")
                        .getJsonObject("Problem")
                        .toString())
                .contains("#/components/schemas/Problem");
        assertThat(document.getJsonObject("paths")
                        .getJsonObject("/v1/chat/completions")
                        .getJsonObject("post")
                        .getJsonObject("responses")
                        .keySet())
                .contains("200", "400", "404");
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Problem").getJsonObject("properties").keySet())
                .contains("type", "status", "detail", "violations");
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
