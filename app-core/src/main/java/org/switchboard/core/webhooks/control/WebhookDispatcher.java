package org.switchboard.core.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.metrics.boundary.WebhookMetrics;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.runs.boundary.RunHistory;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunEnded;

/**
 * Delivers run summaries to callback URLs: at once when a run ends, then on the retry schedule
 * ({@code switchboard.webhooks.retry-delays}) until a 2xx answer or the schedule runs out.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    RunHistory runs;

    @Inject
    WebhookStore store;

    @Inject
    WebhookMetrics metrics;

    @Inject
    @ConfigProperty(name = "switchboard.webhooks.retry-delays")
    List<Duration> retryDelays;

    @Inject
    @ConfigProperty(name = "switchboard.webhooks.timeout")
    Duration timeout;

    void runEnded(@ObservesAsync RunEnded ended) {
        Run run = runs.find(ended.runId()).orElse(null);
        if (run == null || run.callbackUrl() == null) {
            return;
        }
        store.create(run.tenantId(), run.id(), run.callbackUrl(), payload(run))
                .ifPresent(id ->
                        store.claimDue(id, Instant.now().plus(CLAIM_LEASE), 1).forEach(this::attempt));
    }

    /** Attempts every delivery that is due; the timer calls it every few seconds on every instance. */
    public void retryDue() {
        store.claimDue(null, Instant.now().plus(CLAIM_LEASE), 20).forEach(this::attempt);
    }

    private void attempt(WebhookStore.Due delivery) {
        long timestamp = Instant.now().getEpochSecond();
        String signature =
                Signatures.sign(store.secret(delivery.tenantId()), delivery.messageId(), timestamp, delivery.payload());
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(delivery.url()))
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .header("webhook-id", delivery.messageId())
                            .header("webhook-timestamp", Long.toString(timestamp))
                            .header("webhook-signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        int attemptsSoFar = delivery.attempts() + 1;
        Instant retryAt = delivered || attemptsSoFar > retryDelays.size()
                ? null
                : Instant.now().plus(retryDelays.get(attemptsSoFar - 1));
        store.recordAttempt(delivery, status, error, (System.nanoTime() - started) / 1_000_000, delivered, retryAt);
        metrics.attempted(delivered, retryAt != null);
        if (!delivered) {
            LOG.log(
                    Level.INFO,
                    "Webhook " + delivery.messageId() + " attempt " + attemptsSoFar + " failed ("
                            + (status != null ? "HTTP " + status : error) + ")"
                            + (retryAt == null ? "; giving up" : "; retrying"));
        }
    }

    /** The summary a receiver gets: type, timestamp and the run's id, status, final seq, usage and output. */
    private String payload(Run run) {
        List<LogEntry> events = runs.events(run.id());
        JsonObjectBuilder data = JsonP.createObjectBuilder()
                .add("id", Long.toString(run.id()))
                .add("status", run.status().wireName())
                .add("seq", events.isEmpty() ? 0 : events.get(events.size() - 1).seq())
                .add("model", run.model())
                .add("output", LogEntry.outputOf(events));
        if (run.usage() != null) {
            data.add(
                    "usage",
                    JsonP.createObjectBuilder()
                            .add("input_tokens", run.usage().inputTokens())
                            .add("output_tokens", run.usage().outputTokens())
                            .add("estimated", run.usage().estimated()));
        }
        return JsonP.createObjectBuilder()
                .add("type", "run.ended")
                .add("timestamp", Instant.now().toString())
                .add("data", data)
                .build()
                .toString();
    }
}
