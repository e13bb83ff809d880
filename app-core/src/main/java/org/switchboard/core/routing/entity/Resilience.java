package org.switchboard.core.routing.entity;

/**
 * Retry and circuit-breaker settings of a policy. Attempts count per target (the first call included);
 * back-off before retry n is {@code backoffMillis * multiplier^(n-1)}, spread by ±{@code jitter}. A target's
 * breaker opens after {@code breakerFailures} consecutive failures and lets one trial call through after
 * {@code breakerCoolDownMillis}. A 429 without {@code Retry-After} rests the target {@code quotaCoolDownMillis}.
 */
public record Resilience(
        int maxAttempts,
        long backoffMillis,
        double multiplier,
        double jitter,
        int breakerFailures,
        long breakerCoolDownMillis,
        long quotaCoolDownMillis) {}
