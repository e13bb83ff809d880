package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Problems.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** Every bad input gets a clear 4xx problem, never a 500. */
class BadInputIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "bad-input-user", "user");

    @Test
    void malformedJsonIs400() {
        var problem = assertProblem(
                Api.postJson("/v1/chat/completions", token, "{\"model\": \"sim\", "), 400, "malformed-json");
        assertThat(problem.getString("detail")).contains("not valid JSON");
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        assertProblem(Api.postJson("/v1/chat/completions", token, "[1,2]"), 400, "malformed-json");
    }

    @Test
    void missingMessagesIs400() {
        var problem = assertProblem(
                Api.postJson("/v1/chat/completions", token, "{\"model\":\"sim\"}"), 400, "missing-messages");
        assertThat(problem.getString("detail")).contains("'messages'");
    }

    @Test
    void emptyMessagesAndMissingModelAre400() {
        assertProblem(
                Api.postJson("/v1/chat/completions", token, "{\"model\":\"sim\",\"messages\":[]}"),
                400,
                "invalid-request");
        assertProblem(
                Api.postJson("/v1/chat/completions", token, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                400,
                "invalid-request");
    }

    @Test
    void unknownModelIs404() {
        var problem = assertProblem(
                Api.postJson("/v1/chat/completions", token, Api.chat("no-such-model", false, "x")),
                404,
                "model-not-found");
        assertThat(problem.getString("detail")).contains("no-such-model");
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> response = Api.send(Api.request("/v1/chat/completions", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Api.chat("sim", false, "x")))
                .build());
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = Api.chat("sim", false, "x".repeat(70_000)); // the suite configures a 64 KiB limit
        assertProblem(Api.postJson("/v1/chat/completions", token, big), 413, "request-entity-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        byte[] big = Api.chat("sim", false, "y".repeat(70_000)).getBytes();
        // A publisher without a known length makes the client send Transfer-Encoding: chunked.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(big);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
        HttpResponse<String> response = Api.send(Api.request("/v1/chat/completions", token)
                .header("Content-Type", "application/json")
                .POST(chunked)
                .build());
        assertProblem(response, 413, "request-entity-too-large");
    }

    @Test
    void anUnknownSimulatorFaultIs400() {
        assertProblem(
                Api.postJson(
                        "/v1/chat/completions", token, Api.chat("sim", false, "x"), "X-Simulator-Fault", "explode"),
                400,
                "invalid-simulator-hint");
    }

    @Test
    void unknownPathsAndRunsAre404() {
        assertProblem(Api.get("/v1/nothing-here", token), 404, "not-found");
        assertProblem(Api.get("/api/v1/runs/123", token), 404, "run-not-found");
        assertProblem(Api.get("/api/v1/runs/not-a-number", token), 404, "run-not-found");
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(Api.send(Api.request("/v1/models", token).DELETE().build()), 405, "method-not-allowed");
    }
}
