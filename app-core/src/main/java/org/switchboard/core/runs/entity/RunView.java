package org.switchboard.core.runs.entity;

import java.time.Instant;
import org.switchboard.core.providers.entity.Usage;

/** A run as its owner sees it: state, usage and the text generated so far. */
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
        String upstreamConversationId) {}
