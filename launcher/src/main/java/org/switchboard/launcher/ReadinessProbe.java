package org.switchboard.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Polls the application's MicroProfile readiness check until it answers 200. Neither a returned
 * {@code start-domain} nor a returned {@code deploy} means the application answers: it 404s for a while,
 * then reports 503 until the database schema is migrated.
 */
final class ReadinessProbe {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    ReadinessProbe(URI uri) {
        this.uri = uri;
    }

    /** Returns once ready; otherwise fails after {@code timeout} with the last answer and where to look. */
    void await(Duration timeout, String logHint) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "nothing";
        while (Instant.now().isBefore(deadline)) {
            Optional<String> notReady = ask();
            if (notReady.isEmpty()) {
                return;
            }
            last = notReady.get();
            pause();
        }
        throw new LaunchFailed("Switchboard did not become ready within " + timeout.toSeconds() + " s: " + uri
                + " last answered " + abbreviate(last) + "\nSee " + logHint);
    }

    /** Like {@link #await}, but a timeout only ends the wait. */
    void awaitQuietly(Duration timeout) {
        try {
            await(timeout, "");
        } catch (LaunchFailed e) {
            // The caller goes on either way; the next step reports what is wrong.
        }
    }

    /** Empty when ready, else what the server answered instead. */
    private Optional<String> ask() {
        try {
            HttpResponse<String> response = client.send(request(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? Optional.empty()
                    : Optional.of("HTTP " + response.statusCode() + " "
                            + response.body().strip());
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailed("Interrupted while waiting for Switchboard to become ready", e);
        }
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailed("Interrupted while waiting for Switchboard to become ready", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
