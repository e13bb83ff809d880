package org.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

/**
 * Sends streamed chat completions with {@code concurrency} requests in flight and records, per request, the
 * time to the first content chunk and to {@code [DONE]}. Each in-flight slot starts its next request as soon
 * as the previous one ends.
 */
final class LoadClient {
    /** One measured request. */
    record Sample(double ttftMillis, double totalMillis, boolean ok) {}

    /** A finished load: every sample and the wall time it took. */
    record Result(List<Sample> samples, double wallSeconds) {
        double throughput() {
            return samples.size() / wallSeconds;
        }

        long failures() {
            return samples.stream().filter(s -> !s.ok()).count();
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    private final URI url;
    private final String token;
    private final String body;

    LoadClient(String baseUrl, String token, String model) {
        this.url = URI.create(baseUrl + "/v1/chat/completions");
        this.token = token;
        this.body = "{\"model\":\"" + model
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"benchmark\"}]}";
    }

    Result run(int concurrency, int requests) {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<CompletableFuture<Void>> slots = new ArrayList<>();
        int perSlot = Math.max(1, requests / concurrency);
        for (int slot = 0; slot < concurrency; slot++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < perSlot; i++) {
                chain = chain.thenCompose(ignored -> one().thenAccept(samples::add));
            }
            slots.add(chain);
        }
        CompletableFuture.allOf(slots.toArray(CompletableFuture[]::new)).join();
        return new Result(List.copyOf(samples), (System.nanoTime() - started) / 1e9);
    }

    private CompletableFuture<Sample> one() {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        Timing timing = new Timing(start);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(timing))
                .handle((response, failure) -> new Sample(
                        (timing.firstToken - start) / 1e6,
                        (timing.done - start) / 1e6,
                        failure == null && response.statusCode() == 200 && timing.done > 0 && timing.firstToken > 0));
    }

    /** Notes when the first content chunk and the [DONE] line arrive. */
    private static final class Timing implements Flow.Subscriber<String> {
        private final long start;
        volatile long firstToken;
        volatile long done;

        Timing(long start) {
            this.start = start;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (firstToken == 0 && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")) {
                firstToken = System.nanoTime();
            } else if (line.equals("data: [DONE]")) {
                done = System.nanoTime();
            }
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }
}
