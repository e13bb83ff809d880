package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.routing.entity.DeadlineSettings;

/**
 * The deadlines every generation must meet: time to first token, gap between tokens and total time. The
 * instance's (configurable) apply unless the run's routing policy chose its own; a run's are resolved once, when
 * it starts ({@link #of}), so the check that runs four times a second for every live run looks nothing up. The
 * connect deadline belongs to the HTTP adapters that open upstream connections.
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

    private Limits instance;

    @PostConstruct
    void resolveInstanceDefaults() {
        instance = new Limits(firstToken, gap, total);
    }

    /** A run's deadlines: what its policy chose, the instance's for the rest. */
    Limits of(DeadlineSettings chosen) {
        if (chosen == null || DeadlineSettings.DEFAULTS.equals(chosen)) {
            return instance;
        }
        return new Limits(
                or(chosen.firstTokenMillis(), instance.firstToken),
                or(chosen.gapMillis(), instance.gap),
                or(chosen.totalMillis(), instance.total));
    }

    private static Duration or(Long millis, Duration fallback) {
        return millis == null ? fallback : Duration.ofMillis(millis);
    }

    /** One run's deadlines, in nanoseconds for the check. */
    static final class Limits {
        private final Duration firstToken;
        private final Duration gap;
        private final Duration total;
        private final long firstTokenNanos;
        private final long gapNanos;
        private final long totalNanos;

        Limits(Duration firstToken, Duration gap, Duration total) {
            this.firstToken = firstToken;
            this.gap = gap;
            this.total = total;
            this.firstTokenNanos = firstToken.toNanos();
            this.gapNanos = gap.toNanos();
            this.totalNanos = total.toNanos();
        }

        /** The breached deadline's description, or null while all are met. */
        String breached(long startedNanos, long lastActivityNanos, boolean anyOutput, long nowNanos) {
            if (nowNanos - startedNanos > totalNanos) {
                return "The run exceeded its total deadline of " + total;
            }
            if (!anyOutput && nowNanos - startedNanos > firstTokenNanos) {
                return "No first token within the deadline of " + firstToken;
            }
            if (anyOutput && nowNanos - lastActivityNanos > gapNanos) {
                return "No token for longer than the gap deadline of " + gap;
            }
            return null;
        }
    }
}
