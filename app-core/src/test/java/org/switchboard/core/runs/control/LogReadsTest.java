package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.TimedEvent;

class LogReadsTest {
    private static TimedEvent event(int seq, EventType type) {
        return new TimedEvent(seq, type, "{}", Instant.EPOCH);
    }

    @Test
    void rowsFromTheCursorToTheTerminalEventAreTheWholeRest() {
        assertThat(LogReads.isWholeRest(List.of(event(3, EventType.DELTA), event(4, EventType.DONE)), 2))
                .isTrue();
        assertThat(LogReads.isWholeRest(List.of(event(1, EventType.ERROR)), 0)).isTrue();
    }

    @Test
    void rowsOfALiveRunOrWithAGapAreNot() {
        assertThat(LogReads.isWholeRest(List.of(), 0)).isFalse();
        assertThat(LogReads.isWholeRest(List.of(event(1, EventType.RUN), event(2, EventType.DELTA)), 0))
                .isFalse();
        assertThat(LogReads.isWholeRest(List.of(event(2, EventType.DELTA), event(3, EventType.DONE)), 0))
                .isFalse();
        assertThat(LogReads.isWholeRest(List.of(event(1, EventType.RUN), event(3, EventType.DONE)), 0))
                .isFalse();
    }
}
