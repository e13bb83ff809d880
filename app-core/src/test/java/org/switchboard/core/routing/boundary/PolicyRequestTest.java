package org.switchboard.core.routing.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.routing.boundary.Validators.changeViolations;
import static org.switchboard.core.routing.boundary.Validators.createViolations;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.routing.entity.ResilienceSettings;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/** What a routing policy request must hold, and how its targets take their defaults. */
class PolicyRequestTest {
    private static final PolicyTarget TARGET = new PolicyTarget("openai", "gpt-4o", null, null, null, null, null);

    private static PolicyRequest policy(String strategy, List<PolicyTarget> targets, ResilienceSettings resilience) {
        return new PolicyRequest("chat", strategy, targets, resilience, null, null, null);
    }

    private static PolicyTarget weighted(int weight) {
        return new PolicyTarget("p", "m", null, weight, null, null, null);
    }

    @Test
    void aMinimalPolicyIsValid() {
        assertThat(createViolations(policy(null, List.of(TARGET), null))).isEmpty();
    }

    @Test
    void aNewPolicyNeedsAnAliasAndTargets() {
        assertThat(createViolations(new PolicyRequest(null, null, null, null, null, null, null)))
                .containsExactly("alias", "targets");
        assertThat(createViolations(policy(null, List.of(), null))).containsExactly("targets");
        assertThat(changeViolations(new PolicyRequest(null, null, null, null, null, null, null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"priority", " Latency ", "WEIGHTED", "cost"})
    void strategiesAreReadCaseInsensitively(String strategy) {
        assertThat(createViolations(policy(strategy, List.of(TARGET), null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "", "round-robin"})
    void anUnknownStrategyIsRefused(String strategy) {
        assertThat(createViolations(policy(strategy, List.of(TARGET), null))).containsExactly("strategy");
    }

    @Test
    void atMost32Targets() {
        assertThat(createViolations(policy(null, Collections.nCopies(32, TARGET), null)))
                .isEmpty();
        assertThat(createViolations(policy(null, Collections.nCopies(33, TARGET), null)))
                .containsExactly("targets");
    }

    @Test
    void everyTargetFieldIsCheckedByItsPath() {
        List<PolicyTarget> targets = List.of(
                TARGET,
                new PolicyTarget(" ", "x".repeat(129), "abc", -1, 1_000_001, new BigDecimal("-0.01"), null),
                new PolicyTarget("p", "m", "42", 0, 0, BigDecimal.ZERO, new BigDecimal("-1")));

        assertThat(createViolations(policy(null, targets, null)))
                .containsExactly(
                        "targets[1].inputPricePer1k",
                        "targets[1].key",
                        "targets[1].model",
                        "targets[1].priority",
                        "targets[1].provider",
                        "targets[1].weight",
                        "targets[2].outputPricePer1k");
    }

    @Test
    void aMissingTargetIsRefused() {
        assertThat(createViolations(policy(null, java.util.Arrays.asList(TARGET, null), null)))
                .containsExactly("targets[1].<list element>");
    }

    @Test
    void atLeastOneTargetNeedsAWeight() {
        assertThat(createViolations(policy(null, List.of(weighted(0), weighted(0)), null)))
                .containsExactly("targets");
        assertThat(createViolations(policy(null, List.of(weighted(0), weighted(1)), null)))
                .isEmpty();
    }

    @Test
    void resilienceSettingsAreCheckedByTheirRanges() {
        var ok = new ResilienceSettings(10, 60_000L, 1.0, 1.0, 1000, 0L, 3_600_000L);
        var bad = new ResilienceSettings(0, 60_001L, 0.5, 1.01, 1001, -5L, 3_600_001L);

        assertThat(createViolations(policy(null, List.of(TARGET), ok))).isEmpty();
        assertThat(createViolations(policy(null, List.of(TARGET), bad)))
                .containsExactly(
                        "resilience.backoffMillis",
                        "resilience.breakerCoolDownMillis",
                        "resilience.breakerFailures",
                        "resilience.jitter",
                        "resilience.maxAttempts",
                        "resilience.multiplier",
                        "resilience.quotaCoolDownMillis");
    }

    @Test
    void deadlinesAreCheckedByTheirRanges() {
        var ok = new DeadlineSettings(100L, 3_600_000L, 86_400_000L);
        var bad = new DeadlineSettings(99L, 3_600_001L, 0L);

        assertThat(createViolations(withDeadlines(ok))).isEmpty();
        assertThat(createViolations(withDeadlines(DeadlineSettings.DEFAULTS))).isEmpty();
        assertThat(createViolations(withDeadlines(bad)))
                .containsExactly("deadlines.firstTokenMillis", "deadlines.gapMillis", "deadlines.totalMillis");
    }

    @Test
    void aChangeWithoutDeadlinesKeepsThePolicysAndAPolicyWithoutAnyTakesTheInstances() {
        var chosen = new DeadlineSettings(2_000L, null, null);
        var stored = new RoutingPolicy(
                1, "t", "chat", Strategy.PRIORITY, List.of(TARGET.toTarget(1)), ResilienceSettings.DEFAULTS, chosen);

        assertThat(new PolicyRequest(null, null, null, null, null, null, null)
                        .over(stored)
                        .deadlinesOrDefaults())
                .isEqualTo(chosen);
        assertThat(policy(null, List.of(TARGET), null).deadlinesOrDefaults()).isEqualTo(DeadlineSettings.DEFAULTS);
    }

    private static PolicyRequest withDeadlines(DeadlineSettings deadlines) {
        return new PolicyRequest("chat", null, List.of(TARGET), null, deadlines, null, null);
    }

    @Test
    void targetsTakeTheirDefaults() {
        var request = policy(
                null,
                List.of(
                        new PolicyTarget(" openai ", "gpt-4o", null, null, null, null, null),
                        new PolicyTarget("azure", "gpt-4o", " 7 ", 30, 9, new BigDecimal("0.0025"), null)),
                null);

        assertThat(request.strategyOrDefault()).isEqualTo(Strategy.PRIORITY);
        assertThat(request.typedTargets())
                .containsExactly(
                        new Target("openai", "gpt-4o", null, 1, 1, BigDecimal.ZERO, BigDecimal.ZERO),
                        new Target("azure", "gpt-4o", 7L, 30, 9, new BigDecimal("0.0025"), BigDecimal.ZERO));
        assertThat(request.resilienceOrDefaults()).isEqualTo(ResilienceSettings.DEFAULTS);
    }
}
