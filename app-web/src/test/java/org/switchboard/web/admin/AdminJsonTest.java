package org.switchboard.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.routing.boundary.KeyRequest;
import org.switchboard.core.routing.boundary.KeyResponse;
import org.switchboard.core.routing.boundary.PolicyRequest;
import org.switchboard.core.routing.boundary.PolicyResponse;
import org.switchboard.core.routing.boundary.PolicyTarget;
import org.switchboard.core.routing.boundary.ProviderRequest;
import org.switchboard.core.routing.boundary.ProviderResponse;
import org.switchboard.core.routing.boundary.ResealResponse;
import org.switchboard.core.routing.boundary.TargetStatus;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.routing.entity.ResilienceSettings;

/** The admin API's JSON as JSON-B reads and writes the records: the member names the API has always had. */
class AdminJsonTest {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private static <T> T read(String json, Class<T> type) {
        return RequestBodies.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    private static JsonObject written(Object value) {
        return JsonP.createReader(new StringReader(JSONB.toJson(value))).readObject();
    }

    @Test
    void aProviderRequestReadsSnakeCaseMembersAndLeavesOutWhatIsAbsent() {
        ProviderRequest request = read(
                "{\"name\":\"openai\",\"kind\":\"openai\",\"base_url\":\"https://api.openai.com/v1\","
                        + "\"settings\":{\"query\":\"a=b\"},\"unknown\":1}",
                ProviderRequest.class);

        assertThat(request.name()).isEqualTo("openai");
        assertThat(request.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(request.settings().getString("query")).isEqualTo("a=b");
        assertThat(request.enabled()).isNull();
        assertThat(request.scope()).isNull();
    }

    @Test
    void aPolicyRequestReadsTargetsAndResilience() {
        PolicyRequest request = read(
                "{\"alias\":\"chat\",\"targets\":[{\"provider\":\"p\",\"model\":\"m\",\"key\":\"42\",\"weight\":70,"
                        + "\"input_price_per_1k\":0.0025}],\"resilience\":{\"max_attempts\":2,\"backoff_ms\":10}}",
                PolicyRequest.class);

        assertThat(request.targets())
                .containsExactly(new PolicyTarget("p", "m", "42", 70, null, new BigDecimal("0.0025"), null));
        assertThat(request.resilience()).isEqualTo(new ResilienceSettings(2, 10L, null, null, null, null, null));
    }

    @Test
    void aPolicyRequestReadsDeadlines() {
        PolicyRequest request =
                read("{\"deadlines\":{\"first_token_ms\":1500,\"total_ms\":60000}}", PolicyRequest.class);

        assertThat(request.deadlines()).isEqualTo(new DeadlineSettings(1_500L, null, 60_000L));
        assertThatThrownBy(() -> read("{\"deadlines\":{\"gap_ms\":\"2000\"}}", PolicyRequest.class))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTargetsKeyIdMayBeAJsonNumberOrString() {
        PolicyRequest request = read(
                "{\"targets\":[{\"provider\":\"p\",\"model\":\"m\",\"key\":7},"
                        + "{\"provider\":\"p\",\"model\":\"m\",\"key\":\"8\"}]}",
                PolicyRequest.class);

        assertThat(request.targets()).extracting(PolicyTarget::key).containsExactly("7", "8");
    }

    @Test
    void aKeyChangeReadsWhatItSets() {
        assertThat(read("{\"status\":\"active\"}", KeyRequest.class)).isEqualTo(new KeyRequest(null, null, "active"));
    }

    @Test
    void aMemberOfTheWrongTypeIsTheRecordsProblem() {
        assertThatThrownBy(() -> read("{\"name\":\"x\",\"enabled\":\"yes\"}", ProviderRequest.class))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-provider");
                    assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("org.switchboard");
                });
        for (String body : List.of(
                "{\"targets\":[{\"provider\":\"p\",\"model\":\"m\",\"weight\":\"2\"}]}",
                "{\"targets\":[{\"provider\":\"p\",\"model\":\"m\",\"weight\":1.5}]}",
                "{\"targets\":[{\"provider\":\"p\",\"model\":\"m\",\"weight\":4294967297}]}",
                "{\"resilience\":{\"jitter\":false}}",
                "{\"targets\":[{\"provider\":\"p\",\"model\":\"m\",\"input_price_per_1k\":\"1\"}]}")) {
            assertThatThrownBy(() -> read(body, PolicyRequest.class))
                    .as(body)
                    .isInstanceOfSatisfying(
                            InvalidInput.class, e -> assertThat(e.type()).isEqualTo("invalid-routing-policy"));
        }
        assertThatThrownBy(() -> read("{\"targets\":{}}", PolicyRequest.class))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("invalid-routing-policy"));
    }

    @Test
    void notJsonIsMalformed() {
        assertThatThrownBy(() -> read("{", KeyRequest.class))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("malformed-json"));
    }

    @Test
    void responsesWriteTheApisMemberNames() {
        var key = new KeyResponse(
                "7", "main", "sk-...abcd", "active", null, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
        var provider = new ProviderResponse(
                "1",
                "tenant",
                "openai",
                "openai",
                null,
                JsonP.createObjectBuilder().build(),
                true,
                "2026-01-01T00:00:00Z",
                "2026-01-02T00:00:00Z",
                List.of(key));

        JsonObject json = written(new Listing<>(List.of(provider)));

        JsonObject first = json.getJsonArray("data").getJsonObject(0);
        assertThat(first.keySet())
                .containsExactlyInAnyOrder(
                        "id", "scope", "name", "kind", "settings", "enabled", "created_at", "updated_at", "keys");
        assertThat(first.getJsonArray("keys").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("id", "label", "mask", "status", "created_at", "updated_at");
        assertThat(written(new ProviderResponse(
                                "1",
                                "global",
                                "o",
                                "openai",
                                "https://x",
                                JsonP.createObjectBuilder().build(),
                                false,
                                "a",
                                "b",
                                List.of()))
                        .getString("base_url"))
                .isEqualTo("https://x");
    }

    @Test
    void aPolicyIsWrittenWithEverySetting() {
        var policy = new PolicyResponse(
                "3",
                "tenant",
                "chat",
                "priority",
                List.of(new PolicyTarget("p", "m", null, 1, 1, BigDecimal.ZERO, new BigDecimal("0.01"))),
                new ResilienceSettings(3, 250L, 2.0, 0.2, 5, 30_000L, 60_000L),
                new DeadlineSettings(2_000L, null, null),
                true,
                "a",
                "b");

        JsonObject json = written(policy);

        assertThat(json.getJsonArray("targets").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder(
                        "provider", "model", "weight", "priority", "input_price_per_1k", "output_price_per_1k");
        assertThat(json.getJsonObject("resilience").keySet())
                .containsExactlyInAnyOrder(
                        "max_attempts",
                        "backoff_ms",
                        "multiplier",
                        "jitter",
                        "breaker_failures",
                        "breaker_cool_down_ms",
                        "quota_cool_down_ms");
        assertThat(json.getJsonObject("resilience").getInt("max_attempts")).isEqualTo(3);
        assertThat(json.getJsonObject("deadlines").keySet()).containsExactly("first_token_ms");
        assertThat(json.getJsonObject("deadlines").getInt("first_token_ms")).isEqualTo(2000);
    }

    @Test
    void healthAndResealWriteTheirMemberNames() {
        assertThat(written(new TargetStatus("1:m:-", "p/m", "closed", 0, null)).keySet())
                .containsExactlyInAnyOrder("target", "label", "breaker", "resting_ms");
        assertThat(written(new TargetStatus("1:m:-", "p/m", "closed", 0, 12.5))
                        .getJsonNumber("ttft_ewma_ms")
                        .doubleValue())
                .isEqualTo(12.5);
        assertThat(written(new ResealResponse(2, "k1")).keySet())
                .containsExactlyInAnyOrder("resealed", "master_key_id");
    }
}
