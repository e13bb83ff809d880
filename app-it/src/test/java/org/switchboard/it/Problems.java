package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Asserts that an answer is a well-formed RFC 9457 problem tied to its request. */
final class Problems {
    private Problems() {}

    static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = Api.json(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(problem.getString("instance")).endsWith(requestId);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
