package org.switchboard.core.metrics.entity;

import java.math.BigDecimal;

/**
 * What a run's end records, from what the run engine collected anyway: its tenant, final status and error class
 * ({@code null} when it completed), its timings in nanoseconds ({@code firstTokenNanos} negative without output), and
 * its usage ({@code cost} null when the target has no prices).
 */
public record RunOutcome(
        String tenant,
        String status,
        String error,
        long firstTokenNanos,
        long durationNanos,
        int inputTokens,
        int outputTokens,
        BigDecimal cost) {}
