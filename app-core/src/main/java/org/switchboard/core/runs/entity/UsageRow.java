package org.switchboard.core.runs.entity;

import java.math.BigDecimal;

/**
 * Usage so far of one tenant, user and model, summed over its runs: requests, tokens and cost. Runs that never
 * reported usage count as requests with no tokens; a cost is null where no run had a price.
 */
public record UsageRow(
        String tenant,
        String user,
        String model,
        long requests,
        long inputTokens,
        long outputTokens,
        BigDecimal cost) {}
