package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider keys: sealed at rest, shown masked, used for the upstream call, flagged when the upstream refuses
 * them, and never written to the server log — even when the upstream echoes the key in its error. The primary
 * target is a real OpenAI-compatible HTTP upstream (a local fake that refuses every key with 401); the official
 * OpenAI SDK still gets a normal answer, from the fallback.
 */
class ProviderKeysIT extends SwitchboardDeployment {
    /** Unique per test run: a database kept from an earlier local run holds the same names in another tenant. */
    private static final String TENANT = "keys-" + Long.toString(System.currentTimeMillis(), 36);

    private final String admin = TestStack.token(TENANT, "ops", "admin");
    private final String user = TestStack.token(TENANT, "user-1", "user");
    private final String secret = "sk-it-" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer refusingUpstream;

    @BeforeEach
    void startRefusingUpstream() throws IOException {
        refusingUpstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusingUpstream.createContext("/v1", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String header = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"error\":{\"message\":\"Incorrect API key provided: " + header.replace("Bearer ", "")
                            + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusingUpstream.start();
    }

    @AfterEach
    void stopUpstream() {
        refusingUpstream.stop(0);
    }

    @Test
    void keysAreSealedMaskedUsedFlaggedAndNeverLogged() throws Exception {
        String baseUrl = "http://127.0.0.1:" + refusingUpstream.getAddress().getPort() + "/v1";
        JsonObject provider = Admin.createProvider(
                admin,
                "refusing-openai",
                "openai",
                baseUrl,
                Json.createObjectBuilder().build());
        String providerId = provider.getString("id");
        var added = Api.postJson(
                "/api/v1/admin/providers/" + providerId + "/keys",
                admin,
                Json.createObjectBuilder()
                        .add("label", "prod")
                        .add("secret", secret)
                        .build()
                        .toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonObject key = Api.json(added.body());
        assertThat(added.body()).doesNotContain(secret);
        assertThat(key.getString("mask")).isEqualTo("sk-…" + secret.substring(secret.length() - 4));
        assertThat(key.getString("status")).isEqualTo("active");

        // at rest: sealed, not a trace of the plaintext in the row
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement("SELECT * FROM provider_keys WHERE id = ?")) {
            query.setLong(1, Long.parseLong(key.getString("id")));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    byte[] value = row.getBytes(column);
                    if (value != null) {
                        assertThat(new String(value, StandardCharsets.ISO_8859_1))
                                .as(row.getMetaData().getColumnName(column))
                                .doesNotContain(secret)
                                .doesNotContain(secret.substring(6, 20));
                    }
                }
            }
        }

        Admin.simulator(
                admin,
                "fallback-sim",
                Json.createObjectBuilder().add("tokens", 4).add("delay_ms", 0));
        Admin.createPolicy(
                admin,
                "gpt-resilient",
                "priority",
                Json.createArrayBuilder()
                        .add(Admin.target("refusing-openai", "gpt-4o-mini"))
                        .add(Admin.target("fallback-sim", "sim-fast"))
                        .build(),
                Json.createObjectBuilder().build());

        // the official SDK gets a normal answer: the refused primary is invisible
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(Api.uri("/v1").toString())
                .apiKey(user)
                .maxRetries(0)
                .build();
        ChatCompletion completion = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-resilient")
                        .addUserMessage("hello through a fallback")
                        .build());
        assertThat(completion.choices().get(0).message().content())
                .hasValueSatisfying(text -> assertThat(text).isNotBlank());
        assertThat(completion.model()).isEqualTo("gpt-resilient");

        // the key really was opened and sent upstream
        assertThat(authorizations).containsExactly("Bearer " + secret);

        // refused with 401: flagged, reported masked only, and no longer routed to
        await("the key is flagged").atMost(Duration.ofSeconds(5)).until(() -> keyStatus(providerId)
                .equals("flagged"));
        var listed = Api.get("/api/v1/admin/providers/" + providerId + "/keys", admin);
        assertThat(listed.body()).doesNotContain(secret).contains("flagged");
        client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-resilient")
                        .addUserMessage("again")
                        .build());
        assertThat(authorizations).as("a flagged key is not used again").hasSize(1);

        // re-activated by an admin, it is used again
        Admin.put(
                admin,
                "/api/v1/admin/providers/" + providerId + "/keys/" + key.getString("id"),
                Json.createObjectBuilder().add("status", "active").build());
        client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-resilient")
                        .addUserMessage("once more")
                        .build());
        assertThat(authorizations).hasSize(2);

        // the connection test asks the upstream with the key: refused, so a 502 problem without the key
        Admin.put(
                admin,
                "/api/v1/admin/providers/" + providerId + "/keys/" + key.getString("id"),
                Json.createObjectBuilder().add("status", "active").build());
        var models = Api.get("/api/v1/admin/providers/" + providerId + "/models", admin);
        Problems.assertProblem(models, 502, "upstream-auth");
        assertThat(authorizations).last().isEqualTo("Bearer " + secret);
        assertThat(models.body()).contains("[key]").doesNotContain(secret);

        // nothing any API answers, and nothing in the server log, holds the key
        assertThat(Api.get("/api/v1/admin/providers/" + providerId, admin).body())
                .doesNotContain(secret);
        assertThat(Api.get("/api/v1/admin/providers", admin).body()).doesNotContain(secret);
        String log = Files.readString(Asadmin.DOMAIN.resolve("logs/server.log"), StandardCharsets.ISO_8859_1);
        assertThat(log)
                .contains("refused by the upstream")
                .doesNotContain(secret)
                .doesNotContain(secret.substring(6));
    }

    @Test
    void theAdminApiIsForAdminsOfTheTenant() {
        JsonObject provider = Admin.createProvider(
                admin,
                "private-sim",
                "simulator",
                null,
                Json.createObjectBuilder().build());

        var models = Api.json(Api.get("/api/v1/admin/providers/" + provider.getString("id") + "/models", admin)
                .body());
        assertThat(models.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("id"))
                        .toList())
                .containsExactly("sim", "sim-fast", "sim-slow");

        var asUser = Api.get("/api/v1/admin/providers", user);
        Problems.assertProblem(asUser, 403, "forbidden");

        String otherAdmin = TestStack.token("another-tenant", "ops", "admin");
        var foreign = Api.get("/api/v1/admin/providers/" + provider.getString("id"), otherAdmin);
        assertThat(foreign.statusCode()).isEqualTo(404);

        var global = Api.postJson(
                "/api/v1/admin/providers",
                admin,
                "{\"name\":\"everyone\",\"kind\":\"simulator\",\"scope\":\"global\"}");
        assertThat(global.statusCode())
                .as("global rows are for platform admins")
                .isEqualTo(403);
    }

    @Test
    void invalidConfigurationIsRefusedWithAProblem() {
        var unknownKind = Api.postJson("/api/v1/admin/providers", admin, "{\"name\":\"x\",\"kind\":\"telepathy\"}");
        Problems.assertProblem(unknownKind, 400, "invalid-provider");
        assertThat(unknownKind.body()).contains("kind must be one of");

        var noUrl = Api.postJson("/api/v1/admin/providers", admin, "{\"name\":\"y\",\"kind\":\"openai\"}");
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(noUrl.body()).contains("base_url");

        var unknownProvider = Api.postJson(
                "/api/v1/admin/policies",
                admin,
                "{\"alias\":\"ghost\",\"targets\":[{\"provider\":\"nobody\",\"model\":\"m\"}]}");
        assertThat(unknownProvider.statusCode()).isEqualTo(400);
        assertThat(unknownProvider.body()).contains("no provider named 'nobody'");

        Admin.createProvider(
                admin, "twice", "simulator", null, Json.createObjectBuilder().build());
        var duplicate = Api.postJson("/api/v1/admin/providers", admin, "{\"name\":\"twice\",\"kind\":\"simulator\"}");
        Problems.assertProblem(duplicate, 409, "provider-exists");

        var badResilience = Api.postJson(
                "/api/v1/admin/policies",
                admin,
                "{\"alias\":\"bad\",\"targets\":[{\"provider\":\"simulator\",\"model\":\"sim\"}],"
                        + "\"resilience\":{\"max_attempts\":0}}");
        Problems.assertProblem(badResilience, 400, "invalid-routing-policy");
        assertThat(badResilience.body()).contains("resilience.max_attempts");
    }

    private String keyStatus(String providerId) {
        JsonObject keys = Api.json(Api.get("/api/v1/admin/providers/" + providerId + "/keys", admin)
                .body());
        return keys.getJsonArray("data").getJsonObject(0).getString("status");
    }
}
