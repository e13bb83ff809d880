package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.routing.entity.DryRun;
import org.switchboard.core.routing.entity.DryRun.Candidate;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/**
 * Explains a route without calling anything: the compiled route from this instance's {@link RoutingTable}, each
 * target's readiness from {@link TargetHealth} (read without taking a breaker permit), and the strategy's order.
 * The route a tenant's request takes is the tenant's own policy for the alias, else the global one.
 */
@ApplicationScoped
public class DryRuns {
    @Inject
    RoutingTable table;

    @Inject
    TargetHealth health;

    public Optional<DryRun> explain(String tenant, RoutingPolicy policy) {
        Optional<Route> compiled = table.route(tenant, policy.alias()).filter(r -> r.policyId() == policy.id());
        if (compiled.isEmpty()) {
            return Optional.empty();
        }
        Route route = compiled.get();
        List<RouteTarget> ordered = route.strategy() == Strategy.WEIGHTED ? route.targets() : health.order(route);
        long readyWeight = ordered.stream()
                .filter(t -> health.readiness(t).admits())
                .mapToLong(t -> t.configured().weight())
                .sum();
        List<Candidate> candidates = new ArrayList<>();
        for (RouteTarget target : ordered) {
            candidates.add(candidate(route, target, readyWeight));
        }
        for (Target configured : policy.targets()) {
            if (route.targets().stream().noneMatch(t -> t.configured().equals(configured))) {
                candidates.add(new Candidate(
                        configured.provider() + "/" + configured.model(),
                        configured.priority(),
                        configured.weight(),
                        configured.pricePer1k().toPlainString(),
                        "-",
                        "left out",
                        "its provider is missing or disabled, or it has no active key",
                        null,
                        null));
            }
        }
        Candidate chosen = chosen(route.strategy(), candidates);
        return Optional.of(new DryRun(
                route.alias(),
                RoutingScopes.scopeOf(policy.tenantId()),
                route.strategy().wireName(),
                chosen == null ? null : chosen.target(),
                reason(route.strategy(), chosen),
                List.copyOf(candidates)));
    }

    private Candidate candidate(Route route, RouteTarget target, long readyWeight) {
        TargetHealth.Readiness readiness = health.readiness(target);
        Target configured = target.configured();
        String state;
        String why;
        if (readiness.breakerWaitMillis() > 0) {
            state = "breaker open";
            why = "its breaker opened after " + route.resilience().breakerFailures()
                    + " failures in a row; a trial call passes in " + readiness.breakerWaitMillis() + " ms";
        } else if (readiness.restingMillis() > 0) {
            state = "resting";
            why = "it answered 429; skipped for another " + readiness.restingMillis() + " ms";
        } else {
            state = "ready";
            why = "half-open".equals(readiness.breaker()) ? "its breaker lets a trial call through" : "admitting calls";
        }
        Double chance = route.strategy() == Strategy.WEIGHTED && "ready".equals(state) && readyWeight > 0
                ? 100.0 * configured.weight() / readyWeight
                : null;
        return new Candidate(
                target.label(),
                configured.priority(),
                configured.weight(),
                configured.pricePer1k().toPlainString(),
                readiness.breaker(),
                state,
                why,
                readiness.ttftMillis(),
                chance);
    }

    private static Candidate chosen(Strategy strategy, List<Candidate> candidates) {
        return candidates.stream()
                .filter(Candidate::ready)
                .filter(c -> strategy != Strategy.WEIGHTED || (c.chancePercent() != null && c.chancePercent() > 0))
                .reduce((a, b) -> strategy == Strategy.WEIGHTED && b.chancePercent() > a.chancePercent() ? b : a)
                .orElse(null);
    }

    private static String reason(Strategy strategy, Candidate chosen) {
        if (chosen == null) {
            return "No target would take a call now: every one is left out, resting or behind an open breaker";
        }
        return switch (strategy) {
            case PRIORITY -> chosen.target() + " is the first target by priority that is admitting calls";
            case WEIGHTED -> String.format(
                    java.util.Locale.ROOT,
                    "Weighted draw among the ready targets: %s is the likeliest, with %.0f%% of the weight",
                    chosen.target(),
                    chosen.chancePercent());
            case LATENCY -> chosen.target() + " has the lowest average time to first token among the ready targets"
                    + (chosen.ttftMillis() == null ? " (not measured yet: it is tried to measure it)" : "");
            case COST -> chosen.target() + " is the cheapest ready target at " + chosen.pricePer1k() + " per 1k tokens";
        };
    }
}
