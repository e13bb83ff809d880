package org.switchboard.core.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/** The strategies' orders, the breakers and the quota rests of {@link TargetHealth}. */
class TargetHealthTest {
    private static final Resilience RESILIENCE = new Resilience(3, 100, 2, 0.2, 3, 200, 150);

    private final TargetHealth health = new TargetHealth();

    private static RouteTarget target(String name, int weight, int priority, String inPrice, String outPrice) {
        return new RouteTarget(
                name,
                priority,
                name,
                "openai",
                "https://" + name + ".invalid/v1",
                JsonValue.EMPTY_JSON_OBJECT,
                "m-" + name,
                null,
                new Target(
                        name, "m-" + name, null, weight, priority, new BigDecimal(inPrice), new BigDecimal(outPrice)));
    }

    private static RouteTarget target(String name, int weight, int priority) {
        return target(name, weight, priority, "0", "0");
    }

    private static Route route(Strategy strategy, RouteTarget... targets) {
        return new Route(1, "alias", strategy, List.of(targets), RESILIENCE);
    }

    private static List<String> names(List<RouteTarget> order) {
        return order.stream().map(RouteTarget::providerName).toList();
    }

    @Test
    void priorityKeepsTheRoutesOrder() {
        Route route = route(Strategy.PRIORITY, target("a", 1, 1), target("b", 5, 2), target("c", 9, 3));

        assertThat(names(health.order(route))).containsExactly("a", "b", "c");
        assertThat(route.targets()).extracting(RouteTarget::providerName).containsExactly("a", "b", "c");
    }

    @Test
    void weightedDrawsTheFirstTargetByWeight() {
        Route route = route(Strategy.WEIGHTED, target("a", 70, 1), target("b", 30, 2));
        int aFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            List<String> order = names(health.order(route));
            if (order.get(0).equals("a")) {
                aFirst++;
                assertThat(order).containsExactly("a", "b");
            } else {
                assertThat(order).containsExactly("b", "a");
            }
        }
        // 7,000 expected, σ ≈ 46: ±200 is more than 4σ
        assertThat(aFirst).isBetween(6_800, 7_200);
    }

    @Test
    void weightedKeepsTheOthersInPriorityOrderAndNeverDrawsAZeroWeight() {
        Route route = route(Strategy.WEIGHTED, target("a", 0, 1), target("b", 0, 2), target("c", 1, 3));

        for (int i = 0; i < 200; i++) {
            assertThat(names(health.order(route))).containsExactly("c", "a", "b");
        }
    }

    @Test
    void latencyPutsTheUnmeasuredFirstThenTheLowestMovingAverage() {
        RouteTarget slow = target("slow", 1, 1);
        RouteTarget fast = target("fast", 1, 2);
        RouteTarget unmeasured = target("new", 1, 3);
        health.firstToken(slow, RESILIENCE, 300);
        health.firstToken(fast, RESILIENCE, 100);

        assertThat(names(health.order(route(Strategy.LATENCY, slow, fast, unmeasured))))
                .containsExactly("new", "fast", "slow");
    }

    @Test
    void latencyUsesAnExponentiallyWeightedMovingAverage() {
        RouteTarget a = target("a", 1, 1);
        RouteTarget b = target("b", 1, 2);
        health.firstToken(a, RESILIENCE, 100);
        health.firstToken(a, RESILIENCE, 500); // 0.3 × 500 + 0.7 × 100 = 220
        health.firstToken(b, RESILIENCE, 210);

        assertThat(names(health.order(route(Strategy.LATENCY, a, b)))).containsExactly("b", "a");

        health.firstToken(b, RESILIENCE, 260); // 0.3 × 260 + 0.7 × 210 = 225
        assertThat(names(health.order(route(Strategy.LATENCY, a, b)))).containsExactly("a", "b");
        assertThat(health.snapshot())
                .extracting(TargetHealth.TargetState::target, TargetHealth.TargetState::ttftMillis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 220.0),
                        org.assertj.core.groups.Tuple.tuple("b", 225.0));
    }

    @Test
    void costOrdersByTheSumOfPricesAndKeepsPriorityOnTies() {
        RouteTarget a = target("a", 1, 1, "1.0", "1.0"); // 2.0
        RouteTarget b = target("b", 1, 2, "0.5", "0.5"); // 1.0
        RouteTarget c = target("c", 1, 3, "0.1", "2.5"); // 2.6
        RouteTarget d = target("d", 1, 4, "1.5", "0.50"); // 2.0, after a

        assertThat(names(health.order(route(Strategy.COST, a, b, c, d)))).containsExactly("b", "a", "d", "c");
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndAdmitsATrialAfterItsCoolDown() throws InterruptedException {
        RouteTarget a = target("a", 1, 1);
        health.failed(a, RESILIENCE);
        health.failed(a, RESILIENCE);
        health.succeeded(a, RESILIENCE); // not consecutive any more
        health.failed(a, RESILIENCE);
        health.failed(a, RESILIENCE);
        assertThat(health.admits(a, RESILIENCE)).isTrue();

        health.failed(a, RESILIENCE);
        assertThat(health.admits(a, RESILIENCE)).isFalse();
        assertThat(health.snapshot().get(0).breaker()).isEqualTo("open");

        Thread.sleep(250); // past the 200 ms cool-down: admits() takes the trial, so it cannot be polled
        assertThat(health.admits(a, RESILIENCE)).as("one trial call").isTrue();
        assertThat(health.snapshot().get(0).breaker()).isEqualTo("half_open");
        health.succeeded(a, RESILIENCE);
        assertThat(health.snapshot().get(0).breaker()).isEqualTo("closed");
        assertThat(health.admits(a, RESILIENCE)).isTrue();
    }

    @Test
    void aHalfOpenBreakerClosesAtTheTrialsFirstTokenNotAtTheEndOfItsAnswer() throws InterruptedException {
        RouteTarget a = target("a", 1, 1);
        for (int i = 0; i < 3; i++) {
            health.failed(a, RESILIENCE);
        }
        Thread.sleep(250); // past the 200 ms cool-down: admits() takes the trial, so it cannot be polled
        assertThat(health.admits(a, RESILIENCE)).as("the trial").isTrue();
        assertThat(health.admits(a, RESILIENCE))
                .as("another call during the trial")
                .isFalse();

        health.answering(a, RESILIENCE);

        assertThat(health.snapshot().get(0).breaker()).isEqualTo("closed");
        assertThat(health.admits(a, RESILIENCE)).isTrue();
    }

    @Test
    void aTargetThatCutsEveryStreamAfterItsFirstTokenStillOpensTheBreaker() {
        RouteTarget a = target("a", 1, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(health.admits(a, RESILIENCE)).isTrue();
            health.answering(a, RESILIENCE);
            health.failed(a, RESILIENCE);
        }

        assertThat(health.admits(a, RESILIENCE)).isFalse();
        assertThat(health.snapshot().get(0).breaker()).isEqualTo("open");
    }

    @Test
    void aRestFollowsRetryAfterOrTheQuotaCoolDown() throws InterruptedException {
        RouteTarget told = target("told", 1, 1);
        RouteTarget untold = target("untold", 1, 2);
        health.rest(told, RESILIENCE, Duration.ofSeconds(30));
        health.rest(untold, RESILIENCE, null); // 150 ms

        assertThat(health.admits(told, RESILIENCE)).isFalse();
        assertThat(health.admits(untold, RESILIENCE)).isFalse();
        assertThat(health.snapshot())
                .filteredOn(s -> s.target().equals("told"))
                .singleElement()
                .satisfies(s -> assertThat(s.restingMillis()).isBetween(29_000L, 30_000L));

        Thread.sleep(200); // past the 150 ms rest: time has to pass
        assertThat(health.admits(untold, RESILIENCE)).isTrue();
        assertThat(health.admits(told, RESILIENCE)).isFalse();
    }

    @Test
    void newResilienceSettingsKeepTheMeasuredLatencyAndTheRest() {
        RouteTarget a = target("a", 1, 1);
        health.firstToken(a, RESILIENCE, 120);
        health.rest(a, RESILIENCE, Duration.ofSeconds(30));
        Resilience changed = new Resilience(5, 100, 2, 0.2, 3, 200, 150);

        assertThat(health.admits(a, changed)).isFalse();
        assertThat(health.snapshot().get(0).ttftMillis()).isEqualTo(120.0);
    }
}
