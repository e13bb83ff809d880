package org.switchboard.core.metrics.boundary;

import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.switchboard.core.metrics.control.Registry;

/** Where the routing table records how long a configuration change took to reach this instance. */
@ApplicationScoped
public class RoutingMetrics {
    public static final String SWITCH = "switchboard.routing.switch";

    @Inject
    Registry registry;

    private Timer switchTime;

    @PostConstruct
    void start() {
        switchTime = Timer.builder(SWITCH)
                .description("Time from a routing change's commit (any instance) until this instance routes by it")
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30))
                .register(registry.meters());
    }

    /** This instance now routes by a change written {@code ago} before. */
    public void switched(Duration ago) {
        switchTime.record(ago.isNegative() ? Duration.ZERO : ago);
    }
}
