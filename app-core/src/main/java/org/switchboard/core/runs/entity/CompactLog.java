package org.switchboard.core.runs.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.eclipse.persistence.annotations.ReadOnly;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * A finished run's whole event log in one row; mirrors table {@code run_logs}. Once a run has ended its
 * {@code run_events} rows are replaced by this row in one transaction ({@code RunCompactor}, runs.control, the
 * table's one writer); reads of the log take whichever holds the run's events. Read-only to JPA.
 */
@Entity
@ReadOnly
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "run_logs")
public class CompactLog {
    @Id
    @Column(name = "run_id")
    private long runId;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    /** The problem type of the run's {@code error} event; null if it ended otherwise. */
    @Column(name = "error_type")
    private String errorType;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private byte[] body;

    protected CompactLog() {}

    public long runId() {
        return runId;
    }

    /** The events in their compact encoding (runs.control decodes them). */
    public byte[] body() {
        return body;
    }
}
