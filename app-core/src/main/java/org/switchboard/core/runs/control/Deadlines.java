package org.switchboard.core.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deadlines every generation must meet (configurable): time to first token, gap between tokens and
 * total time. The connect deadline belongs to the HTTP adapters that open upstream connections.
 */
@ApplicationScoped
public class Deadlines {
    @Inject
    @ConfigProperty(name = "switchboard.runs.deadline.first-token")
    Duration firstToken;

    @Inject
    @ConfigProperty(name = "switchboard.runs.deadline.gap")
    Duration gap;

    @Inject
    @ConfigProperty(name = "switchboard.runs.deadline.total")
    Duration total;

    /** The breached deadline's description, or null while all are met. */
    String breached(long startedNanos, long lastActivityNanos, boolean anyOutput, long nowNanos) {
        if (nowNanos - startedNanos > total.toNanos()) {
            return "The run exceeded its total deadline of " + total;
        }
        if (!anyOutput && nowNanos - startedNanos > firstToken.toNanos()) {
            return "No first token within the deadline of " + firstToken;
        }
        if (anyOutput && nowNanos - lastActivityNanos > gap.toNanos()) {
            return "No token for longer than the gap deadline of " + gap;
        }
        return null;
    }
}
