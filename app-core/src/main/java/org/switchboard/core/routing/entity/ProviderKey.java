package org.switchboard.core.routing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * A provider's API key, sealed (AES-256-GCM, see {@code org.switchboard.core.keys}); mirrors table
 * {@code provider_keys}. Only the mask is ever shown. A key the upstream refused (401/403) is {@code flagged}
 * and no longer routed to until an admin sets it {@code active} again.
 */
@Entity
@AdditionalCriteria(TenantCriteria.OWN_OR_GLOBAL) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "provider_keys")
public class ProviderKey {
    public static final String ACTIVE = "active";
    public static final String FLAGGED = "flagged";
    public static final String DISABLED = "disabled";

    @Id
    private long id;

    @Column(name = "provider_id", nullable = false, updatable = false)
    private long providerId;

    @Column(name = "tenant_id", updatable = false)
    private String tenantId;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(name = "master_key_id", nullable = false)
    private String masterKeyId;

    @Column(nullable = false)
    private String mask;

    @Column(nullable = false)
    private String status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProviderKey() {}

    public ProviderKey(long id, long providerId, String tenantId, String label, String mask) {
        this.id = id;
        this.providerId = providerId;
        this.tenantId = tenantId;
        this.label = label;
        this.mask = mask;
        this.status = ACTIVE;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void seal(byte[] ciphertext, String masterKeyId) {
        this.ciphertext = ciphertext;
        this.masterKeyId = masterKeyId;
        this.updatedAt = Instant.now();
    }

    public void status(String status, String reason) {
        this.status = status;
        this.statusReason = reason;
        this.updatedAt = Instant.now();
    }

    public void remask(String newMask) {
        this.mask = newMask;
    }

    public void relabel(String label) {
        this.label = label;
        this.updatedAt = Instant.now();
    }

    public long id() {
        return id;
    }

    public long providerId() {
        return providerId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String label() {
        return label;
    }

    public byte[] ciphertext() {
        return ciphertext;
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public String mask() {
        return mask;
    }

    public String status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
