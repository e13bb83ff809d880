package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/chat/completions} with {@code stream: true}, read as raw SSE the way {@code curl -N} sees it. */
class StreamingIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "stream-user", "user");

    /** One SSE {@code data:} line and when it arrived. */
    record Arrival(long nanos, String data) {}

    private List<Arrival> stream(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = Api.request("/v1/chat/completions", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<Stream<String>> response = Api.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache, no-transform");
        assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        assertThat(response.headers().firstValue("X-Run-Id")).isPresent();
        List<Arrival> arrivals = new ArrayList<>();
        response.body()
                .filter(line -> line.startsWith("data: "))
                .forEach(line -> arrivals.add(new Arrival(System.nanoTime(), line.substring(6))));
        return arrivals;
    }

    @Test
    void chunksArriveSpacedInTimeNotBuffered() throws Exception {
        List<Arrival> arrivals =
                stream(Api.chat("sim", true, "pace me"), "X-Simulator-Tokens", "8", "X-Simulator-Delay-Ms", "150");

        List<Arrival> deltas = arrivals.stream()
                .filter(a -> a.data().contains("\"content\":\"") && !a.data().contains("\"content\":\"\""))
                .toList();
        assertThat(deltas).hasSize(8);
        List<Long> gapsMillis = new ArrayList<>();
        for (int i = 1; i < deltas.size(); i++) {
            gapsMillis.add((deltas.get(i).nanos() - deltas.get(i - 1).nanos()) / 1_000_000);
        }
        // A buffering hop would deliver all eight at once; the simulator spaces them 150 ms apart.
        assertThat(gapsMillis).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(75));
        assertThat((deltas.get(7).nanos() - deltas.get(0).nanos()) / 1_000_000).isGreaterThanOrEqualTo(900);
    }

    @Test
    void includeUsageAddsAUsageChunkAndTheStreamEndsWithDone() throws Exception {
        String body = "{\"model\":\"sim-fast\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"count my tokens please\"}]}";
        List<Arrival> arrivals = stream(body, "X-Simulator-Tokens", "5");

        assertThat(arrivals.get(arrivals.size() - 1).data()).isEqualTo("[DONE]");
        JsonObject usageChunk = Api.json(arrivals.get(arrivals.size() - 2).data());
        assertThat(usageChunk.getJsonArray("choices")).isEmpty();
        assertThat(usageChunk.getJsonObject("usage").getInt("completion_tokens"))
                .isEqualTo(5);
        assertThat(usageChunk.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(4);
        JsonObject finish = Api.json(arrivals.get(arrivals.size() - 3).data());
        assertThat(finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
                .isEqualTo("stop");
    }

    @Test
    void anUpstreamFailureMidStreamEndsWithAnErrorEventNotDone() throws Exception {
        List<Arrival> arrivals = stream(
                Api.chat("sim-fast", true, "fail me"), "X-Simulator-Fault", "cut", "X-Simulator-Fault-After", "3");

        String last = arrivals.get(arrivals.size() - 1).data();
        assertThat(arrivals).noneMatch(a -> a.data().equals("[DONE]"));
        JsonObject error = Api.json(last).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("upstream-cut");
        assertThat(error.getString("status")).isEqualTo("incomplete");
    }

    @Test
    void anUpstreamErrorWithoutStreamingIsABadGatewayProblem() {
        HttpResponse<String> response = Api.postJson(
                "/v1/chat/completions", token, Api.chat("sim-fast", false, "x"), "X-Simulator-Fault", "error");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(response.body()).getString("type")).isEqualTo("urn:switchboard:problem:upstream-error");
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
        assertThat(Api.json(Api.get("/api/v1/runs/" + runId, token).body()).getString("status"))
                .isEqualTo("failed");
    }
}
