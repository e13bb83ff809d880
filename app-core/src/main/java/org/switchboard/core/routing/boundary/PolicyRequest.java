package org.switchboard.core.routing.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.IntStream;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.ViolationType;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.routing.entity.PolicyCodec;
import org.switchboard.core.routing.entity.ResilienceSettings;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/**
 * A routing policy to create, or the fields of one to change (what a change leaves null it keeps): the alias
 * clients name, the strategy (default {@code priority}), 1-32 targets, and the resilience settings and run
 * deadlines it chooses (a null field of either takes the instance default).
 */
@ViolationType("invalid-routing-policy")
public record PolicyRequest(
        @NotNull(groups = OnCreate.class) @RoutingName String alias,
        @Pattern(
                        regexp = "(?i)\\s*(priority|weighted|latency|cost)\\s*",
                        message = "must be one of priority, weighted, latency, cost")
                String strategy,
        @NotEmpty(groups = OnCreate.class) @Size(max = 32) @AnyTargetWeighted
                List<@NotNull @Valid PolicyTarget> targets,
        @Valid ResilienceSettings resilience,
        @Valid DeadlineSettings deadlines,
        Boolean enabled,
        String scope) {

    /** This change laid over the stored policy: the whole policy as it would be. */
    PolicyRequest over(RoutingPolicy current) {
        return new PolicyRequest(
                alias != null ? alias : current.alias(),
                strategy != null ? strategy : current.strategy().wireName(),
                targets != null
                        ? targets
                        : current.targets().stream().map(PolicyTarget::of).toList(),
                resilience != null ? resilience : current.resilience(),
                deadlines != null ? deadlines : current.deadlines(),
                enabled != null ? enabled : current.enabled(),
                scope);
    }

    Strategy strategyOrDefault() {
        return PolicyCodec.strategy(strategy);
    }

    List<Target> typedTargets() {
        return IntStream.range(0, targets.size())
                .mapToObj(i -> targets.get(i).toTarget(i + 1))
                .toList();
    }

    ResilienceSettings resilienceOrDefaults() {
        return resilience == null ? ResilienceSettings.DEFAULTS : resilience;
    }

    DeadlineSettings deadlinesOrDefaults() {
        return deadlines == null ? DeadlineSettings.DEFAULTS : deadlines;
    }
}
