package org.switchboard.core.audit.entity;

import java.time.Instant;

/** What one API request did. {@code tenantId} and {@code actor} are null when the caller was not authenticated. */
public record AuditRecord(
        String requestId,
        String tenantId,
        String actor,
        String method,
        String route,
        int status,
        long latencyMillis,
        Long runId,
        Instant at) {}
