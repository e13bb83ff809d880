package org.switchboard.core.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.metrics.control.Registry;

/**
 * The Prometheus scrape of this instance, for a scraper that shows the metrics token ({@code switchboard.metrics.token},
 * a secret: from the environment only, no default). Without a token configured there is no scrape at all: the
 * metrics name tenants and models, which are not for anyone who can reach the port.
 */
@ApplicationScoped
public class MetricsScrape {
    @Inject
    Registry registry;

    @Inject
    @ConfigProperty(name = "switchboard.metrics.token")
    Optional<String> token;

    /** Whether scraping is switched on (a token is configured). */
    public boolean enabled() {
        return token.filter(t -> !t.isBlank()).isPresent();
    }

    /** Whether {@code presented} is the metrics token (compared in constant time). */
    public boolean accepts(String presented) {
        return enabled()
                && presented != null
                && MessageDigest.isEqual(
                        token.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Every meter in the Prometheus text format. */
    public String text() {
        return registry.scrape();
    }
}
