package org.switchboard.core.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.core.metrics.entity.MetricsMinute;
import org.switchboard.core.metrics.entity.UsageAmount;

class TotalsTest {
    private final Registry registry = new Registry();
    private final RunMeters meters = new RunMeters(registry.meters(), 10);

    @Test
    void aMinuteIsTheDifferenceOfTwoReadingsWithPercentilesFromTheBuckets() {
        meters.firstToken("a", "x").record(Duration.ofMillis(40));
        meters.endings("a").of("completed", null).increment();
        Totals before = Totals.read(registry.meters());

        for (int i = 0; i < 98; i++) {
            meters.firstToken("a", "x").record(Duration.ofMillis(80));
        }
        meters.firstToken("b", "y").record(Duration.ofMillis(400));
        meters.firstToken("b", "y").record(Duration.ofMillis(2000));
        meters.endings("a").of("completed", null).increment(99);
        meters.endings("b").of("failed", "rate-limited").increment(1);
        meters.usage("acme", "a").output().increment(30);
        meters.usage("acme", "a").cost().increment(0.25);
        MetricsMinute minute = Totals.read(registry.meters()).since(before, Instant.EPOCH);

        assertThat(minute.requests()).isEqualTo(100);
        assertThat(minute.errorsByClass()).containsExactlyEntriesOf(java.util.Map.of("rate-limited", 1L));
        // 98 of 100 in (50 ms, 100 ms]: p50 interpolates inside that bucket, the 99th is the 400 ms one, in (250 ms,
        // 500 ms]
        assertThat(minute.firstTokenP50()).isBetween(50.0, 100.0);
        assertThat(minute.firstTokenP95()).isBetween(50.0, 100.0);
        assertThat(minute.firstTokenP99()).isBetween(250.0, 500.0);
        assertThat(minute.usage()).containsExactly(new UsageAmount("acme", "a", 30, 0.25));
    }

    @Test
    void aMinuteWithoutFirstTokensHasNoPercentiles() {
        Totals before = Totals.read(registry.meters());

        MetricsMinute minute = Totals.read(registry.meters()).since(before, Instant.EPOCH);

        assertThat(minute.firstTokenP50()).isNull();
        assertThat(minute.requests()).isZero();
    }
}
