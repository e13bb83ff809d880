package org.switchboard.core.metrics.boundary;

import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.core.metrics.control.Registry;

/** Where webhook deliveries record the outcome of each attempt. */
@ApplicationScoped
public class WebhookMetrics {
    public static final String DELIVERIES = "switchboard.webhook.deliveries";

    @Inject
    Registry registry;

    private Counter delivered;
    private Counter retrying;
    private Counter failed;

    @PostConstruct
    void start() {
        delivered = outcome("delivered");
        retrying = outcome("retrying");
        failed = outcome("failed");
    }

    /**
     * One delivery attempt: {@code delivered} (a 2xx answer), else {@code retrying} while the retry schedule has
     * more, {@code failed} once it has run out.
     */
    public void attempted(boolean wasDelivered, boolean willRetry) {
        (wasDelivered ? delivered : willRetry ? retrying : failed).increment();
    }

    private Counter outcome(String outcome) {
        return Counter.builder(DELIVERIES)
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(registry.meters());
    }
}
