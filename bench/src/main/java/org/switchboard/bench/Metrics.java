package org.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Switchboard's own {@code /metrics} (Micrometer's Prometheus registry; the bearer token is
 * {@code SWITCHBOARD_METRICS_TOKEN}, which {@code bench/run} sets for the server and for this JVM). Read here for
 * a second view of allocation (see {@link GcAllocation}) and for the number of event streams the server holds.
 */
final class Metrics {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;
    private final String token;

    Metrics(String base, String token) {
        this.uri = URI.create(base + "/metrics");
        this.token = token;
    }

    /** A Metrics reader for the environment's token, or {@code null} when none is set. */
    static Metrics fromEnvironment(String base) {
        String token = System.getenv("SWITCHBOARD_METRICS_TOKEN");
        return token == null || token.isBlank() ? null : new Metrics(base, token);
    }

    /** One scrape, as Prometheus text. */
    Scrape scrape() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /metrics answered " + response.statusCode());
            }
            return new Scrape(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET /metrics failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One scrape's text. */
    record Scrape(String text) {
        /**
         * The sum of a series' samples whose labels contain every one of {@code labels} (e.g.
         * {@code id="G1 Eden Space"}); {@code NaN} if there is none.
         */
        double value(String name, String... labels) {
            double sum = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (!line.startsWith(name) || line.length() == name.length()) {
                    continue;
                }
                char next = line.charAt(name.length());
                if (next != '{' && next != ' ') {
                    continue; // another series whose name starts with this one
                }
                boolean matches = true;
                for (String label : labels) {
                    matches &= line.contains(label);
                }
                if (matches) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        }
    }
}
