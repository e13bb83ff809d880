package org.switchboard.core.runs.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;

/**
 * What the console asks of the runs it lists; a null (or blank) field does not filter. {@code tenant} narrows a
 * platform admin's view to one tenant; for anyone else the tenant scope has already narrowed it to theirs.
 * {@code errorClass} is the problem type of a run's {@code error} event ({@code deadline-exceeded},
 * {@code provider-error}, {@code cancelled}, ...).
 */
public record RunFilter(
        String tenant,
        RunStatus status,
        String model,
        Instant from,
        Instant to,
        String errorClass,
        @Min(1) @Max(1000) int limit) {

    public static RunFilter newest(int limit) {
        return new RunFilter(null, null, null, null, null, null, limit);
    }
}
