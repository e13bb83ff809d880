package org.switchboard.core.routing.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * A model alias and how it is served; mirrors table {@code routing_policies}. {@code targets},
 * {@code resilience} and {@code deadlines} are JSON columns, read into typed values once per load by their
 * converters.
 */
@Entity
@AdditionalCriteria(TenantCriteria.OWN_OR_GLOBAL) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "routing_policies")
public class RoutingPolicy {
    @Id
    private long id;

    @Column(name = "tenant_id", updatable = false)
    private String tenantId;

    @Column(nullable = false)
    private String alias;

    @Column(nullable = false)
    @Convert(converter = StrategyConverter.class)
    private Strategy strategy;

    @Basic // one JSON value, not a collection mapping
    @Column(nullable = false)
    @Convert(converter = TargetsConverter.class)
    private List<Target> targets;

    @Column(nullable = false)
    @Convert(converter = ResilienceSettingsConverter.class)
    private ResilienceSettings resilience;

    @Column(nullable = false)
    @Convert(converter = DeadlineSettingsConverter.class)
    private DeadlineSettings deadlines;

    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RoutingPolicy() {}

    public RoutingPolicy(
            long id,
            String tenantId,
            String alias,
            Strategy strategy,
            List<Target> targets,
            ResilienceSettings resilience) {
        this(id, tenantId, alias, strategy, targets, resilience, DeadlineSettings.DEFAULTS);
    }

    public RoutingPolicy(
            long id,
            String tenantId,
            String alias,
            Strategy strategy,
            List<Target> targets,
            ResilienceSettings resilience,
            DeadlineSettings deadlines) {
        this.id = id;
        this.tenantId = tenantId;
        this.alias = alias;
        this.strategy = strategy;
        this.targets = List.copyOf(targets);
        this.resilience = resilience;
        this.deadlines = deadlines;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void update(
            String alias,
            Strategy strategy,
            List<Target> targets,
            ResilienceSettings resilience,
            DeadlineSettings deadlines,
            boolean enabled) {
        this.alias = alias;
        this.strategy = strategy;
        this.targets = List.copyOf(targets);
        this.resilience = resilience;
        this.deadlines = deadlines;
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String alias() {
        return alias;
    }

    public Strategy strategy() {
        return strategy;
    }

    public List<Target> targets() {
        return targets;
    }

    public ResilienceSettings resilience() {
        return resilience;
    }

    /** The deadlines the policy chose; a null field is the instance's. */
    public DeadlineSettings deadlines() {
        return deadlines;
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
