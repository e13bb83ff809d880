package org.switchboard.core.routing.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.switchboard.core.platform.JsonObjectConverter;
import org.switchboard.core.tenants.entity.TenantCriteria;

/** An upstream endpoint of one wire dialect ({@code kind}); mirrors table {@code providers}. Global if no tenant. */
@Entity
@AdditionalCriteria(TenantCriteria.OWN_OR_GLOBAL) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "providers")
public class Provider {
    @Id
    private long id;

    @Column(name = "tenant_id", updatable = false)
    private String tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String kind;

    @Column(name = "base_url")
    private String baseUrl;

    @Basic // one JSON value (JsonObject is a Map), not a map mapping
    @Column(nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject settings;

    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Provider() {}

    public Provider(long id, String tenantId, String name, String kind, String baseUrl, JsonObject settings) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void update(String name, String kind, String baseUrl, JsonObject settings, boolean enabled) {
        this.name = name;
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonObject settings() {
        return settings;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
