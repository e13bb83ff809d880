package org.switchboard.core.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.eclipse.persistence.annotations.ReadOnly;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * The delivery of one ended run's summary to its callback URL, as it is read back; mirrors table
 * {@code webhook_deliveries}. Read-only to JPA: {@code WebhookStore} is the table's one writer.
 */
@Entity
@ReadOnly
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "webhook_deliveries")
public class WebhookDelivery {
    @Id
    private long id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "run_id")
    private long runId;

    private String url;

    @Column(name = "message_id")
    private String messageId;

    /** {@code PENDING}, {@code DELIVERED} or {@code FAILED}. */
    private String status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected WebhookDelivery() {}

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public long runId() {
        return runId;
    }

    public String url() {
        return url;
    }

    public String messageId() {
        return messageId;
    }

    public String status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
