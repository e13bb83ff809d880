package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class InvalidFieldMapperTest {
    @Test
    void namesTheFieldInViolationsAndInOpenAisParam() {
        var response = new InvalidFieldMapper()
                .toResponse(new InvalidField("temperature", "'temperature' must be a number from 0 to 2"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).isEqualTo(Problems.PROBLEM_JSON);
        JsonObject problem = Json.createReader(new StringReader((String) response.getEntity()))
                .readObject();
        assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:invalid-request");
        assertThat(problem.getJsonArray("violations")).hasSize(1);
        assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field"))
                .isEqualTo("temperature");
        assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("message"))
                .contains("0 to 2");
        assertThat(problem.getJsonObject("error").getString("param")).isEqualTo("temperature");
        assertThat(problem.getJsonObject("error").getString("message")).contains("0 to 2");
    }

    @Test
    void keepsTheConditionsOwnType() {
        var response = new InvalidFieldMapper()
                .toResponse(new InvalidField("missing-messages", "messages", "'messages' is required"));
        assertThat((String) response.getEntity()).startsWith("{\"type\":\"urn:switchboard:problem:missing-messages\"");
    }
}
