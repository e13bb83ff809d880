package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.core.routing.entity.DeadlineSettings;

/** A run's deadlines: what its policy chose, the instance's for the rest, resolved once when it starts. */
class DeadlinesTest {
    private static final long SECOND = 1_000_000_000L;

    private final Deadlines deadlines = new Deadlines();

    DeadlinesTest() {
        deadlines.firstToken = Duration.ofSeconds(60);
        deadlines.gap = Duration.ofSeconds(30);
        deadlines.total = Duration.ofMinutes(10);
        deadlines.resolveInstanceDefaults();
    }

    @Test
    void aPolicysFirstTokenDeadlineReplacesTheInstancesAndKeepsTheOthers() {
        Deadlines.Limits limits = deadlines.of(new DeadlineSettings(2_000L, null, null));

        assertThat(limits.breached(0, 0, false, 2 * SECOND - 1)).isNull();
        assertThat(limits.breached(0, 0, false, 2 * SECOND + 1))
                .isEqualTo("No first token within the deadline of PT2S");
        assertThat(limits.breached(0, 100 * SECOND, true, 129 * SECOND))
                .as("the instance's gap")
                .isNull();
        assertThat(limits.breached(0, 100 * SECOND, true, 131 * SECOND)).contains("gap deadline of PT30S");
    }

    @Test
    void noChoiceIsTheInstancesDeadlines() {
        Deadlines.Limits limits = deadlines.of(DeadlineSettings.DEFAULTS);

        assertThat(limits).isSameAs(deadlines.of(null));
        assertThat(limits.breached(0, 0, false, 59 * SECOND)).isNull();
        assertThat(limits.breached(0, 0, false, 61 * SECOND)).contains("PT1M");
        assertThat(limits.breached(0, 599 * SECOND, true, 601 * SECOND)).contains("total deadline of PT10M");
    }
}
