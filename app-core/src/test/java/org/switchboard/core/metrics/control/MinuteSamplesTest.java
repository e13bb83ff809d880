package org.switchboard.core.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.metrics.entity.MetricsMinute;

class MinuteSamplesTest {
    private final MinuteSamples samples = new MinuteSamples();
    private final RunMeters meters;

    {
        samples.registry = new Registry();
        meters = new RunMeters(samples.registry.meters(), 10);
    }

    @Test
    void theHourSpansSixtyMinutesAndTheOneInProgressWhateverHasBeenRecorded() {
        samples.begin();
        meters.endings("m").of("completed", null).increment(2);

        List<MetricsMinute> hour = samples.lastHour().minutes();

        assertThat(hour).hasSize(61);
        assertThat(hour.subList(0, 60)).allMatch(m -> m.requests() == 0 && m.firstTokenP50() == null);
        assertThat(hour.get(60).requests()).isEqualTo(2);
        assertThat(ChronoUnit.MINUTES.between(hour.get(0).at(), hour.get(60).at()))
                .isEqualTo(60);
    }

    @Test
    void aClosedMinuteKeepsWhatHappenedInItAndTheNextStartsEmpty() {
        samples.begin();
        meters.endings("m").of("failed", "rate-limited").increment();
        samples.tick();

        List<MetricsMinute> hour = samples.lastHour().minutes();

        assertThat(hour).hasSize(61);
        assertThat(hour.get(59).requests()).isEqualTo(1);
        assertThat(hour.get(59).errorsByClass()).containsEntry("rate-limited", 1L);
        assertThat(hour.get(60).requests()).isZero();
        assertThat(ChronoUnit.MINUTES.between(hour.get(59).at(), hour.get(60).at()))
                .isEqualTo(1);
    }
}
