package org.switchboard.core.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.eclipse.persistence.annotations.ReadOnly;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * One row of the audit log as it is read back; mirrors table {@code audit_log}. Read-only to JPA: the log is
 * append-only and {@code AuditTrail} is its one writer. Rows without a tenant (unauthenticated requests) are seen
 * by platform work only.
 */
@Entity
@ReadOnly
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "audit_log")
public class AuditEntry {
    @Id
    private long id;

    @Column(name = "tenant_id")
    private String tenantId;

    private String actor;

    @Column(name = "request_id")
    private String requestId;

    private String method;

    private String route;

    private int status;

    @Column(name = "latency_ms")
    private long latencyMillis;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "created_at")
    private Instant createdAt;

    /** An admin change's action ({@code provider.create}, {@code key.rotate}, ...); null on a request's row. */
    @Column(name = "action")
    private String change;

    @Column(name = "before_state")
    private String before;

    @Column(name = "after_state")
    private String after;

    protected AuditEntry() {}

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String actor() {
        return actor;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String route() {
        return route;
    }

    /**
     * What was done, as the filter matches it: a request's method and route ({@code POST /v1/chat/completions}),
     * an admin change's action and the changed row's path ({@code key.rotate providers/42/keys/43}).
     */
    public String action() {
        return change != null ? change + " " + route : method + " " + route;
    }

    /** An admin change's action ({@code key.rotate}); null on a request's row. */
    public String change() {
        return change;
    }

    /** An admin change's row as it was before (JSON, secrets masked); null otherwise. */
    public String before() {
        return before;
    }

    /** An admin change's row as it is after (JSON, secrets masked); null otherwise. */
    public String after() {
        return after;
    }

    public int status() {
        return status;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public Long runId() {
        return runId;
    }

    public Instant at() {
        return createdAt;
    }
}
