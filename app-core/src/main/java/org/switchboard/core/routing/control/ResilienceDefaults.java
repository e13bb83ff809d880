package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.routing.entity.Resilience;

/** The resilience settings a policy gets for whatever it does not set itself ({@code switchboard.routing.*}). */
@ApplicationScoped
public class ResilienceDefaults {
    @Inject
    @ConfigProperty(name = "switchboard.routing.retry.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.routing.retry.backoff")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "switchboard.routing.retry.multiplier")
    double multiplier;

    @Inject
    @ConfigProperty(name = "switchboard.routing.retry.jitter")
    double jitter;

    @Inject
    @ConfigProperty(name = "switchboard.routing.breaker.failures")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "switchboard.routing.breaker.cool-down")
    Duration breakerCoolDown;

    @Inject
    @ConfigProperty(name = "switchboard.routing.quota-cool-down")
    Duration quotaCoolDown;

    public Resilience get() {
        return new Resilience(
                maxAttempts,
                backoff.toMillis(),
                multiplier,
                jitter,
                breakerFailures,
                breakerCoolDown.toMillis(),
                quotaCoolDown.toMillis());
    }
}
