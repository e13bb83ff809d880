package org.switchboard.core.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogEntryTest {
    @Test
    void theDeltaTextLiteralKeepsItsQuotesAndEscapes() {
        var entry = new LogEntry(1, 2, EventType.DELTA, "{\"text\":\"say \\\"hi\\\"\\n\"}");

        assertThat(entry.deltaTextLiteral()).isEqualTo("\"say \\\"hi\\\"\\n\"");
    }

    @Test
    void onlyDeltaEventsHaveDeltaText() {
        assertThatThrownBy(() -> new LogEntry(1, 1, EventType.RUN, "{}").deltaTextLiteral())
                .isInstanceOf(IllegalStateException.class);
    }
}
