package org.switchboard.core.metrics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.metrics.control.Registry;
import org.switchboard.core.metrics.entity.RunOutcome;

class RunMetricsTest {
    private final Registry registry = new Registry();
    private final RunMetrics metrics = new RunMetrics();

    @BeforeEach
    void start() {
        metrics.registry = registry;
        metrics.maxLabelValues = 2;
        metrics.start();
    }

    @Test
    void recordsARunsEndAsHistogramsCountersAndUsage() {
        ModelSeries series = metrics.series("gpt", "openai/gpt-4o");
        series.gap(Duration.ofMillis(3).toNanos());
        series.gap(Duration.ofMillis(30).toNanos());
        metrics.ended(
                series, new RunOutcome("acme", "completed", null, ms(120), ms(900), 10, 20, new BigDecimal("0.5")));
        metrics.ended(
                metrics.series("gpt", RunMetrics.NO_TARGET),
                new RunOutcome("acme", "failed", "rate-limited", -1, ms(50), 0, 0, null));

        String text = registry.scrape();

        assertThat(text)
                .contains(
                        "switchboard_run_first_token_seconds_bucket{model=\"gpt\",target=\"openai/gpt-4o\",le=\"0.25\"} 1")
                .contains("switchboard_run_duration_seconds_count{model=\"gpt\",target=\"none\"} 1")
                .contains("switchboard_run_token_gap_seconds_count{model=\"gpt\",target=\"openai/gpt-4o\"} 2")
                .contains("switchboard_runs_ended_total{error=\"none\",model=\"gpt\",status=\"completed\"} 1.0")
                .contains("switchboard_runs_ended_total{error=\"rate-limited\",model=\"gpt\",status=\"failed\"} 1.0")
                .contains("switchboard_tokens_total{direction=\"output\",model=\"gpt\",tenant=\"acme\"} 20.0")
                .contains("switchboard_cost_total{model=\"gpt\",tenant=\"acme\"} 0.5");
    }

    @Test
    void labelValuesPastTheCapAreCountedAsOther() {
        for (String tenant : new String[] {"t1", "t2", "t3", "t4"}) {
            metrics.ended(
                    metrics.series("m-" + tenant, "x"),
                    new RunOutcome(tenant, "completed", null, ms(1), ms(2), 1, 1, null));
        }

        String text = registry.scrape();

        assertThat(text).contains("tenant=\"t1\"").contains("tenant=\"t2\"").doesNotContain("tenant=\"t3\"");
        assertThat(text).contains("tenant=\"other\"").contains("model=\"other\"");
        assertThat(text).contains("switchboard_tokens_total{direction=\"input\",model=\"other\",tenant=\"other\"} 2.0");
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
