package org.switchboard.core.runs.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.eclipse.persistence.annotations.ReadOnly;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * A generation and its state; mirrors table {@code runs}. Read-only to JPA: {@code RunRows} (runs.control) is
 * the table's one writer, so no version has to be kept in step between JPA and JDBC.
 */
@Entity
@ReadOnly
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "runs")
public class Run {
    @Id
    private long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(nullable = false, updatable = false)
    private String model;

    @Enumerated(EnumType.STRING)
    private RunStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(nullable = false, updatable = false)
    private String request;

    @Column(name = "input_tokens")
    private Integer inputTokens;

    @Column(name = "output_tokens")
    private Integer outputTokens;

    @Column(name = "usage_estimated")
    private boolean usageEstimated;

    @Column(name = "last_seq")
    private int lastSeq;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "callback_url", updatable = false)
    private String callbackUrl;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    @Column(name = "served_by")
    private String servedBy;

    private int attempts;

    @Basic // one JSON value, not a collection mapping
    @Column(name = "route_attempts")
    @Convert(converter = RouteAttemptsConverter.class)
    private List<RouteAttempt> routeAttempts;

    private java.math.BigDecimal cost;

    @Column(name = "upstream_conversation_id")
    private String upstreamConversationId;

    protected Run() {}

    /** A run waiting for a worker to claim it. */
    public static Run queued(
            long id, String tenantId, String ownerId, String model, String request, String callbackUrl) {
        Run run = new Run();
        run.id = id;
        run.tenantId = tenantId;
        run.ownerId = ownerId;
        run.model = model;
        run.request = request;
        run.callbackUrl = callbackUrl;
        run.status = RunStatus.QUEUED;
        run.createdAt = Instant.now();
        return run;
    }

    /** A queued run as read back from its row by a worker about to claim it. */
    public static Run restoreQueued(
            long id,
            String tenantId,
            String ownerId,
            String model,
            String request,
            Instant createdAt,
            String callbackUrl) {
        Run run = queued(id, tenantId, ownerId, model, request, callbackUrl);
        run.createdAt = createdAt;
        return run;
    }

    /** Claimed by {@code owner}: running under a lease until {@code leaseEnd}. */
    public void start(String owner, Instant leaseEnd, Instant now) {
        status = RunStatus.RUNNING;
        leaseOwner = owner;
        leaseExpiresAt = leaseEnd;
        startedAt = now;
    }

    public String request() {
        return request;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String model() {
        return model;
    }

    public RunStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Usage usage() {
        return inputTokens == null ? null : new Usage(inputTokens, outputTokens, usageEstimated, cost);
    }

    /** The target that served the run ({@code provider/model}); null until one answered. */
    public String servedBy() {
        return servedBy;
    }

    /** Upstream calls made for the run, retries and fallbacks included. */
    public int attempts() {
        return attempts;
    }

    /** Each attempt of the run's route, in order; empty until the run has ended (or if it made none). */
    public List<RouteAttempt> routeAttempts() {
        return routeAttempts == null ? List.of() : routeAttempts;
    }

    public String upstreamConversationId() {
        return upstreamConversationId;
    }

    public int lastSeq() {
        return lastSeq;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
