package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin API checks its request records with Bean Validation: a request that breaks a constraint answers 400
 * with a problem whose {@code violations} name each offending field by its JSON path, under the problem type of
 * the resource, and nothing is stored or changed.
 */
class AdminValidationIT extends SwitchboardDeployment {
    private static final String TENANT = "validation-" + Long.toString(System.currentTimeMillis(), 36);

    private final String admin = TestStack.token(TENANT, "ops", "admin");

    @Test
    void aProviderWithABadNameAndKindIsRefusedFieldByFieldAndNotStored() {
        var refused = Api.postJson("/api/v1/admin/providers", admin, "{\"name\":\"-bad name\",\"kind\":\"telepathy\"}");

        JsonObject problem = Problems.assertProblem(refused, 400, "invalid-provider");
        assertThat(fields(problem)).contains("name", "kind");
        assertThat(problem.getString("detail")).contains("kind must be one of");
        assertThat(names(Api.get("/api/v1/admin/providers", admin))).doesNotContain("-bad name");
    }

    @Test
    void aPolicyWithBadTargetsAndResilienceIsRefusedFieldByFieldAndNotStored() {
        var refused = Api.postJson(
                "/api/v1/admin/policies",
                admin,
                "{\"alias\":\"checked\",\"targets\":[{\"provider\":\"simulator\",\"model\":\"sim\",\"weight\":-1}],"
                        + "\"resilience\":{\"max_attempts\":0,\"jitter\":2}}");

        JsonObject problem = Problems.assertProblem(refused, 400, "invalid-routing-policy");
        assertThat(fields(problem)).contains("targets[0].weight", "resilience.max_attempts", "resilience.jitter");
        assertThat(Api.get("/api/v1/admin/policies", admin).body()).doesNotContain("\"checked\"");
    }

    @Test
    void aKeyWithoutASecretIsRefusedAndTheProviderKeepsNoKey() {
        JsonObject provider = Admin.createProvider(
                admin, "keyless", "simulator", null, Json.createObjectBuilder().build());
        String keys = "/api/v1/admin/providers/" + provider.getString("id") + "/keys";

        var refused = Api.postJson(keys, admin, "{\"label\":\"main\",\"secret\":\"   \"}");

        JsonObject problem = Problems.assertProblem(refused, 400, "invalid-key");
        assertThat(fields(problem)).containsExactly("secret");
        assertThat(Api.json(Api.get(keys, admin).body()).getJsonArray("data")).isEmpty();
    }

    @Test
    void aChangeThatBreaksAConstraintLeavesTheProviderAsItWas() {
        JsonObject provider = Admin.createProvider(
                admin,
                "upstream",
                "openai",
                "https://api.example.com/v1",
                Json.createObjectBuilder().build());
        String path = "/api/v1/admin/providers/" + provider.getString("id");

        var refused = put(path, admin, "{\"base_url\":\"not a url\",\"name\":\"renamed\"}");

        JsonObject problem = Problems.assertProblem(refused, 400, "invalid-provider");
        assertThat(fields(problem)).containsExactly("base_url");
        JsonObject stored = Api.json(Api.get(path, admin).body());
        assertThat(stored.getString("base_url")).isEqualTo("https://api.example.com/v1");
        assertThat(stored.getString("name")).isEqualTo("upstream");
    }

    @Test
    void aMemberOfTheWrongJsonTypeIsA400OfTheResource() {
        var refused = Api.postJson(
                "/api/v1/admin/providers", admin, "{\"name\":\"typed\",\"kind\":\"simulator\",\"enabled\":\"yes\"}");

        Problems.assertProblem(refused, 400, "invalid-provider");
        assertThat(names(Api.get("/api/v1/admin/providers", admin))).doesNotContain("typed");
    }

    @Test
    void anotherTenantsRowIsNotFoundEvenWithAnInvalidChange() {
        JsonObject provider = Admin.createProvider(
                admin, "mine", "simulator", null, Json.createObjectBuilder().build());
        String otherAdmin = TestStack.token(TENANT + "-other", "ops", "admin");

        var foreign = put("/api/v1/admin/providers/" + provider.getString("id"), otherAdmin, "{\"name\":\"-\"}");

        Problems.assertProblem(foreign, 404, "not-found");
    }

    private static HttpResponse<String> put(String path, String token, String body) {
        return Api.send(Api.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .peek(v -> assertThat(v.getString("message")).isNotBlank())
                .map(v -> v.getString("field"))
                .toList();
    }

    private static List<String> names(HttpResponse<String> listing) {
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        return Api.json(listing.body()).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name"))
                .toList();
    }
}
