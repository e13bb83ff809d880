package org.switchboard.core.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.routing.entity.DryRun;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.ResilienceSettings;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/** What a dry run says would serve a request, and why, from the route and the targets' health. */
class DryRunsTest {
    private static final Resilience RESILIENCE = new Resilience(1, 0, 1, 0, 2, 60_000, 5_000);

    private final TargetHealth health = new TargetHealth();
    private final DryRuns dryRuns = new DryRuns();
    private Route route;

    @BeforeEach
    void wire() {
        dryRuns.health = health;
        dryRuns.table = new RoutingTable() {
            @Override
            public Optional<Route> route(String tenant, String alias) {
                return Optional.ofNullable(route);
            }
        };
    }

    private static Target configured(String name, int weight, int priority, String price) {
        return new Target(name, "m", null, weight, priority, BigDecimal.ZERO, new BigDecimal(price));
    }

    private static RouteTarget target(Target configured) {
        return new RouteTarget(
                configured.provider(),
                configured.priority(),
                configured.provider(),
                "openai",
                "https://" + configured.provider() + ".invalid/v1",
                JsonValue.EMPTY_JSON_OBJECT,
                "m",
                null,
                configured);
    }

    private DryRun explain(Strategy strategy, List<Target> configured, List<Target> compiled) {
        RoutingPolicy policy = new RoutingPolicy(7, "t1", "alias", strategy, configured, ResilienceSettings.DEFAULTS);
        route = new Route(
                7, "alias", strategy, compiled.stream().map(DryRunsTest::target).toList(), RESILIENCE);
        return dryRuns.explain("t1", policy).orElseThrow();
    }

    @Test
    void priorityServesTheFirstTargetWhoseBreakerIsClosedAndSaysWhyTheOthersAreSkipped() {
        Target a = configured("a", 1, 1, "0");
        Target b = configured("b", 1, 2, "0");
        Target gone = configured("gone", 1, 3, "0");
        RouteTarget first = target(a);
        health.failed(first, RESILIENCE);
        health.failed(first, RESILIENCE); // two failures open the breaker

        DryRun dryRun = explain(Strategy.PRIORITY, List.of(a, b, gone), List.of(a, b));

        assertThat(dryRun.servedBy()).isEqualTo("b/m");
        assertThat(dryRun.targets())
                .extracting(DryRun.Candidate::state)
                .containsExactly("breaker open", "ready", "left out");
        assertThat(dryRun.targets().get(0).why()).contains("a trial call passes in");
    }

    @Test
    void aDryRunTakesNoPermitFromAHalfOpenBreaker() {
        Target a = configured("a", 1, 1, "0");
        Route half = new Route(
                7,
                "alias",
                Strategy.PRIORITY,
                List.of(target(a)),
                new Resilience(1, 0, 1, 0, 1, 0, 5_000)); // opens after one failure, trial at once
        health.failed(half.targets().get(0), half.resilience());
        route = half;
        RoutingPolicy policy =
                new RoutingPolicy(7, "t1", "alias", Strategy.PRIORITY, List.of(a), ResilienceSettings.DEFAULTS);

        for (int i = 0; i < 3; i++) {
            assertThat(dryRuns.explain("t1", policy).orElseThrow().servedBy()).isEqualTo("a/m");
        }
        assertThat(health.admits(half.targets().get(0), half.resilience())).isTrue();
    }

    @Test
    void weightedNamesTheLikeliestReadyTargetWithItsShare() {
        Target a = configured("a", 30, 1, "0");
        Target b = configured("b", 70, 2, "0");

        DryRun dryRun = explain(Strategy.WEIGHTED, List.of(a, b), List.of(a, b));

        assertThat(dryRun.servedBy()).isEqualTo("b/m");
        assertThat(dryRun.targets()).extracting(DryRun.Candidate::chancePercent).containsExactly(30.0, 70.0);
        assertThat(dryRun.reason()).contains("70%");
    }

    @Test
    void costServesTheCheapestReadyTarget() {
        Target dear = configured("dear", 1, 1, "0.03");
        Target cheap = configured("cheap", 1, 2, "0.001");

        DryRun dryRun = explain(Strategy.COST, List.of(dear, cheap), List.of(dear, cheap));

        assertThat(dryRun.servedBy()).isEqualTo("cheap/m");
        assertThat(dryRun.reason()).contains("cheapest");
    }

    @Test
    void nothingServesWhenEveryTargetIsResting() {
        Target a = configured("a", 1, 1, "0");
        health.rest(target(a), RESILIENCE, null);

        DryRun dryRun = explain(Strategy.PRIORITY, List.of(a), List.of(a));

        assertThat(dryRun.servedBy()).isNull();
        assertThat(dryRun.targets().get(0).state()).isEqualTo("resting");
        assertThat(dryRun.reason()).startsWith("No target would take a call now");
    }
}
