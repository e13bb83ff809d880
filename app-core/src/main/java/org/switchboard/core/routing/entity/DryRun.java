package org.switchboard.core.routing.entity;

import java.util.List;

/**
 * Which target would serve a request for an alias now, on this instance, and why: {@code servedBy} is the target
 * the strategy would call first ({@code provider/model}; for a weighted policy the likeliest draw), null when no
 * target would take the call; {@code reason} says so in words; {@code targets} every configured target in the
 * order they would be tried, with what decides it (breaker, rest after a 429, weight share, latency, price).
 */
public record DryRun(
        String alias, String scope, String strategy, String servedBy, String reason, List<Candidate> targets) {

    /**
     * One configured target: {@code state} is {@code ready}, {@code breaker open}, {@code resting} or
     * {@code left out} (its provider is missing or disabled, or it has no active key); {@code chancePercent} the
     * share of a weighted draw among the ready targets (null for other strategies or a target not ready).
     */
    public record Candidate(
            String target,
            int priority,
            int weight,
            String pricePer1k,
            String breaker,
            String state,
            String why,
            Double ttftMillis,
            Double chancePercent) {

        public boolean ready() {
            return "ready".equals(state);
        }
    }
}
