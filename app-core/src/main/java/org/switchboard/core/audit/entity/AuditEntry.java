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

    /** What was done, as the filter matches it: the method and route ({@code POST /api/v1/runs}). */
    public String action() {
        return method + " " + route;
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
