package org.switchboard.core.runs.entity;

import java.time.Instant;
import java.util.List;
import org.switchboard.core.providers.entity.Usage;

/**
 * A run as its owner sees it: state, usage, the text generated so far, and its route: what served it, how many
 * upstream calls it made and each attempt (recorded when the run ends).
 */
public record RunView(
        long id,
        String tenantId,
        String ownerId,
        String model,
        RunStatus status,
        String statusReason,
        Instant createdAt,
        Instant endedAt,
        Usage usage,
        String output,
        int lastSeq,
        String servedBy,
        int attempts,
        String upstreamConversationId,
        List<RouteAttempt> routeAttempts) {

    /** The run as a list shows it: no output read, its last seq as the row has it. */
    public static RunView of(Run run) {
        return new RunView(
                run.id(),
                run.tenantId(),
                run.ownerId(),
                run.model(),
                run.status(),
                run.statusReason(),
                run.createdAt(),
                run.endedAt(),
                run.usage(),
                "",
                run.lastSeq(),
                run.servedBy(),
                run.attempts(),
                run.upstreamConversationId(),
                run.routeAttempts());
    }
}
