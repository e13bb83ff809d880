package org.switchboard.core.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of table {@code audit_log}. Never updated. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
    @Id
    private long id;

    @Column(name = "tenant_id")
    private String tenantId;

    private String actor;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(nullable = false)
    private String method;

    @Column(nullable = false)
    private String route;

    private int status;

    @Column(name = "latency_ms")
    private long latencyMillis;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AuditEntry() {}

    public AuditEntry(long id, AuditRecord record) {
        this.id = id;
        this.tenantId = record.tenantId();
        this.actor = record.actor();
        this.requestId = record.requestId();
        this.method = record.method();
        this.route = record.route().length() > 512 ? record.route().substring(0, 512) : record.route();
        this.status = record.status();
        this.latencyMillis = record.latencyMillis();
        this.runId = record.runId();
        this.createdAt = record.at();
    }
}
