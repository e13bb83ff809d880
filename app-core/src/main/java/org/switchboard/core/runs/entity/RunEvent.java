package org.switchboard.core.runs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.eclipse.persistence.annotations.ReadOnly;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * One persisted event of a run's log; mirrors table {@code run_events}. Read-only to JPA: {@code EventWriter}
 * (runs.control) is the table's one writer. Never updated.
 */
@Entity
@ReadOnly
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "run_events")
@IdClass(RunEvent.Key.class)
public class RunEvent {
    @Id
    @Column(name = "run_id")
    private long runId;

    @Id
    private int seq;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    private EventType type;

    @Column(nullable = false)
    private String data;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RunEvent() {}

    public LogEntry toEntry() {
        return new LogEntry(runId, seq, type, data);
    }

    public TimedEvent toTimed() {
        return new TimedEvent(seq, type, data, createdAt);
    }

    /** Composite key (run, seq). */
    public static class Key implements Serializable {
        private long runId;
        private int seq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.runId == runId && key.seq == seq;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(runId) * 31 + seq;
        }
    }
}
