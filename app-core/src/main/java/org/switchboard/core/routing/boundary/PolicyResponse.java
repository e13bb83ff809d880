package org.switchboard.core.routing.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.switchboard.core.routing.control.RoutingScopes;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.ResilienceSettings;
import org.switchboard.core.routing.entity.RoutingPolicy;

/**
 * A routing policy as the admin API shows it: every target and every resilience setting, defaults filled in, and
 * the deadlines the policy chose (a deadline it left null is the instance's, {@code switchboard.runs.deadline.*}:
 * shown as chosen, so a form that saves what it was shown keeps following the instance's default).
 */
public record PolicyResponse(
        String id,
        String scope,
        String alias,
        String strategy,
        List<PolicyTarget> targets,
        ResilienceSettings resilience,
        DeadlineSettings deadlines,
        boolean enabled,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("updated_at") String updatedAt) {

    static PolicyResponse of(RoutingPolicy r, Resilience defaults) {
        return new PolicyResponse(
                Long.toString(r.id()),
                RoutingScopes.scopeOf(r.tenantId()),
                r.alias(),
                r.strategy().wireName(),
                r.targets().stream().map(PolicyTarget::of).toList(),
                ResilienceSettings.of(r.resilience().over(defaults)),
                r.deadlines(),
                r.enabled(),
                r.createdAt().toString(),
                r.updatedAt().toString());
    }
}
