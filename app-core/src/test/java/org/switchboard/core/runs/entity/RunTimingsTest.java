package org.switchboard.core.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimingsTest {
    private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");

    private static TimedEvent event(int seq, EventType type, long millis) {
        return new TimedEvent(seq, type, "{}", CREATED.plusMillis(millis));
    }

    @Test
    void firstTokenGapsAndTotalComeFromTheDeltasAndTheTerminalEvent() {
        RunTimings timings = RunTimings.of(
                CREATED,
                List.of(
                        event(1, EventType.RUN, 5),
                        event(2, EventType.DELTA, 120),
                        event(3, EventType.DELTA, 150),
                        event(4, EventType.DELTA, 250),
                        event(5, EventType.USAGE, 260),
                        event(6, EventType.DONE, 270)));

        assertThat(timings.firstToken()).isEqualTo(Duration.ofMillis(120));
        assertThat(timings.longestGap()).isEqualTo(Duration.ofMillis(100));
        assertThat(timings.meanGap()).isEqualTo(Duration.ofMillis(65));
        assertThat(timings.deltas()).isEqualTo(3);
        assertThat(timings.total()).isEqualTo(Duration.ofMillis(270));
    }

    @Test
    void aLiveRunWithoutOutputHasNoFirstTokenGapOrTotal() {
        RunTimings timings = RunTimings.of(CREATED, List.of(event(1, EventType.RUN, 5)));

        assertThat(timings.firstToken()).isNull();
        assertThat(timings.longestGap()).isNull();
        assertThat(timings.meanGap()).isNull();
        assertThat(timings.total()).isNull();
    }

    @Test
    void aFailedRunHasATotalButNoFirstToken() {
        RunTimings timings =
                RunTimings.of(CREATED, List.of(event(1, EventType.RUN, 5), event(2, EventType.ERROR, 3000)));

        assertThat(timings.firstToken()).isNull();
        assertThat(timings.total()).isEqualTo(Duration.ofSeconds(3));
    }
}
