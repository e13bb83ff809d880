package org.switchboard.core.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.eclipse.persistence.annotations.ReadOnly;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * One attempt of a webhook delivery and what the receiver answered (an HTTP status, or the error that stood in
 * for one); mirrors table {@code webhook_attempts}. Read-only to JPA: {@code WebhookStore} writes it.
 */
@Entity
@ReadOnly
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "webhook_attempts")
@IdClass(WebhookAttempt.Key.class)
public class WebhookAttempt {
    @Id
    @Column(name = "delivery_id")
    private long deliveryId;

    @Id
    private int attempt;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "attempted_at")
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    private String error;

    @Column(name = "duration_ms")
    private long durationMillis;

    protected WebhookAttempt() {}

    public long deliveryId() {
        return deliveryId;
    }

    public int attempt() {
        return attempt;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    /** The receiver's HTTP status; null when no answer came (see {@link #error}). */
    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /** Composite key (delivery, attempt). */
    public static class Key implements Serializable {
        private long deliveryId;
        private int attempt;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.deliveryId == deliveryId && key.attempt == attempt;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(deliveryId) * 31 + attempt;
        }
    }
}
