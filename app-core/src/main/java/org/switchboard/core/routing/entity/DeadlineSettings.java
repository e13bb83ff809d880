package org.switchboard.core.routing.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The deadlines a policy sets for the runs it routes (column {@code routing_policies.deadlines}): time to the
 * first token, the longest gap between tokens and the total. A field left null takes the instance's setting
 * ({@code switchboard.runs.deadline.*}) when a run starts; a run keeps the deadlines it started with. They are
 * checked four times a second, so a deadline is met to within 250 ms.
 */
public record DeadlineSettings(
        @JsonbProperty("first_token_ms") @Min(100) @Max(3_600_000) Long firstTokenMillis,
        @JsonbProperty("gap_ms") @Min(100) @Max(3_600_000) Long gapMillis,
        @JsonbProperty("total_ms") @Min(100) @Max(86_400_000) Long totalMillis) {

    /** Nothing chosen: every deadline is the instance's. */
    public static final DeadlineSettings DEFAULTS = new DeadlineSettings(null, null, null);
}
