package org.switchboard.core.audit.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;

/**
 * What the console asks of the audit log; a null or blank field does not filter. {@code action} matches a part of
 * a request's method and route ({@code POST /api/v1/runs}) or an admin change's action and path ({@code key.rotate}), {@code user} the actor exactly. {@code tenant} narrows a
 * platform admin's view; a tenant admin sees their tenant only whatever it says.
 */
public record AuditFilter(
        Instant from, Instant to, String tenant, String user, String action, @Min(1) @Max(10_000) int limit) {}
