package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.runs.entity.RouteAttempt;
import org.switchboard.core.runs.entity.RouteAttemptsConverter;

/** A run's route attempts as the routed provider reports them, closed once with the run's end. */
class RouteLogTest {
    private final RouteLog log = new RouteLog();

    private static List<RouteAttempt> read(String json) {
        return new RouteAttemptsConverter().convertToEntityAttribute(json);
    }

    @Test
    void aFailedCallThenAPassedOverTargetThenTheServingCall() {
        log.started("a/m");
        log.failed("upstream-error", 503);
        log.skipped("b/m", RouteAttempt.BREAKER_OPEN);
        log.started("c/m");
        log.served();

        List<RouteAttempt> attempts = read(log.close(RouteAttempt.SERVED));

        assertThat(attempts)
                .extracting(RouteAttempt::target, RouteAttempt::outcome, RouteAttempt::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a/m", "upstream-error", 503),
                        org.assertj.core.groups.Tuple.tuple("b/m", "breaker-open", null),
                        org.assertj.core.groups.Tuple.tuple("c/m", "served", null));
        assertThat(attempts.get(1).tookMillis()).isZero();
        assertThat(attempts.get(2).startedMillis())
                .isGreaterThanOrEqualTo(attempts.get(0).startedMillis());
    }

    @Test
    void aCallTheRunsEndCutShortTakesHowTheRunEnded() throws InterruptedException {
        log.started("a/m");
        Thread.sleep(20); // a fixed wait on purpose: the open call's duration runs to the end

        RouteAttempt cut = read(log.close("deadline-exceeded")).get(0);

        assertThat(cut.outcome()).isEqualTo("deadline-exceeded");
        assertThat(cut.tookMillis()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aServingCallThatFailsMidStreamEndsWithItsFailure() {
        log.started("a/m");
        log.served();
        log.failed("upstream-cut", 0);

        assertThat(read(log.close("upstream-cut"))).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("upstream-cut");
            assertThat(a.status()).isNull();
        });
    }

    @Test
    void nothingIsRecordedAfterTheEndAndNoAttemptIsNull() {
        assertThat(log.close("model-not-found")).isNull();
        log.started("late/m");
        assertThat(log.close("cancelled")).isNull();
    }
}
