package org.switchboard.core.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's route attempts as their JSON column, which is also the runs API's shape. */
class RouteAttemptsConverterTest {
    private final RouteAttemptsConverter converter = new RouteAttemptsConverter();

    @Test
    void attemptsRoundTripWithTheStatusLeftOutWhenThereIsNone() {
        List<RouteAttempt> attempts = List.of(
                new RouteAttempt("a/m", "upstream-error", 503, 0, 12),
                new RouteAttempt("b/m", RouteAttempt.SERVED, null, 13, 480));

        String column = converter.convertToDatabaseColumn(attempts);

        assertThat(column)
                .isEqualTo(
                        "[{\"target\":\"a/m\",\"outcome\":\"upstream-error\",\"status\":503,\"started_ms\":0,"
                                + "\"took_ms\":12},{\"target\":\"b/m\",\"outcome\":\"served\",\"started_ms\":13,\"took_ms\":480}]");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo(attempts);
    }

    @Test
    void noAttemptIsNull() {
        assertThat(converter.convertToDatabaseColumn(List.of())).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isEmpty();
    }
}
