package org.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latencies of the durable-run paths, one request at a time: resume (reconnect with {@code Last-Event-ID}
 * → first replayed event) and async pick-up (submit with {@code mode=async} → the run's first event, as a
 * long-poll client sees it).
 */
final class RunProbes {
    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    RunProbes(String base, String token) {
        this.base = base;
        this.token = token;
    }

    List<Double> resumeMillis(int samples) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String runId = submitAsync();
            int lastSeen;
            try (BufferedReader events = events(runId, null)) {
                lastSeen = readIds(events, 3);
            }
            long reconnect = System.nanoTime();
            try (BufferedReader events = events(runId, Integer.toString(lastSeen))) {
                readIds(events, 1);
            }
            latencies.add((System.nanoTime() - reconnect) / 1e6);
        }
        return latencies;
    }

    List<Double> pickupMillis(int samples) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long submitted = System.nanoTime();
            String runId = submitAsync();
            HttpResponse<String> poll = http.send(
                    request("/api/v1/runs/" + runId + "?after=0&wait=10").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!poll.body().contains("\"seq\":1")) {
                throw new IllegalStateException("The long-poll answered without the run event: " + poll.body());
            }
            latencies.add((System.nanoTime() - submitted) / 1e6);
        }
        return latencies;
    }

    private String submitAsync() throws IOException, InterruptedException {
        return submitAsync("bench-model", Map.of());
    }

    /** Submits an async run of {@code model} with extra request headers (the simulator's script); its id. */
    String submitAsync(String model, Map<String, String> headers) throws IOException, InterruptedException {
        String body = "{\"model\":\"" + model
                + "\",\"mode\":\"async\",\"messages\":[{\"role\":\"user\",\"content\":\"probe\"}]}";
        HttpRequest.Builder request = request("/api/v1/runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException(
                    "Async submission failed: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    /** Waits (long-poll) until the run has an event after {@code seq}. */
    void awaitEventAfter(String runId, int seq) throws IOException, InterruptedException {
        HttpResponse<String> poll = http.send(
                request("/api/v1/runs/" + runId + "?after=" + seq + "&wait=30")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!poll.body().contains("\"seq\":" + (seq + 1))) {
            throw new IllegalStateException("Run " + runId + " has no event after seq " + seq + ": " + poll.body());
        }
    }

    /** Cancels a run (the endpoint answers once it has ended). */
    void cancel(String runId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request("/api/v1/runs/" + runId + "/cancel")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cancel of run " + runId + " answered " + response.statusCode());
        }
    }

    private BufferedReader events(String runId, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/v1/runs/" + runId + "/events");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        InputStream body = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream())
                .body();
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** Reads until {@code count} events have arrived; returns the last id seen. */
    private static int readIds(BufferedReader events, int count) throws IOException {
        int seen = 0;
        int last = 0;
        for (String line = events.readLine(); line != null && seen < count; line = events.readLine()) {
            if (line.startsWith("id: ")) {
                last = Integer.parseInt(line.substring(4));
                seen++;
            }
        }
        return last;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }
}
