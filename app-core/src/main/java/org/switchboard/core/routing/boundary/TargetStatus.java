package org.switchboard.core.routing.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * This instance's view of one target: its breaker ({@code closed}, {@code open}, {@code half-open}), how long
 * it still rests after a 429, and its moving average time to first token (absent until measured).
 */
public record TargetStatus(
        String target,
        String label,
        String breaker,
        @JsonbProperty("resting_ms") long restingMillis,
        @JsonbProperty("ttft_ewma_ms") Double ttftMillis) {}
