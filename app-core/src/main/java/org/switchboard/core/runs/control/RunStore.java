package org.switchboard.core.runs.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.tenants.boundary.TenantScope;

/**
 * The run engine's reads of {@code runs} and of run logs ({@code run_events} or, once compacted, {@code run_logs}:
 * {@link LogReads}) through JPA. It writes nothing: {@link RunRows} is the one writer of {@code runs},
 * {@link EventWriter} of {@code run_events} and {@link RunCompactor} of {@code run_logs}. Each method is its own
 * transaction: the engine runs on background threads, outside any request's transaction. The engine's methods are platform work and see every tenant's
 * runs; {@link #findInScope} and {@link #eventsInScope} see only the runs of the caller's tenant
 * ({@link TenantScope}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunStore {
    @Inject
    TenantScope scope;

    public List<Long> cancelRequested(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return scope.platform()
                .createQuery("SELECT r.id FROM Run r WHERE r.id IN :ids AND r.cancelRequested = TRUE", Long.class)
                .setParameter("ids", runIds)
                .getResultList();
    }

    public List<Long> expiredLeases(Instant now, int limit) {
        return scope.platform()
                .createQuery("SELECT r.id FROM Run r WHERE r.status = :running AND r.leaseExpiresAt < :now", Long.class)
                .setParameter("running", RunStatus.RUNNING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The run, of whichever tenant: platform work (webhook delivery). */
    public Run find(long runId) {
        return scope.platform().find(Run.class, runId);
    }

    /** The run if it belongs to the caller's tenant, else null. */
    public Run findInScope(long runId) {
        return scope.em().find(Run.class, runId);
    }

    /** The run's events after {@code afterSeq}, of whichever tenant: platform work (following a run already shown). */
    public List<LogEntry> events(long runId, int afterSeq) {
        return events(scope.platform(), runId, afterSeq);
    }

    /** The run's events after {@code afterSeq}; none if the run belongs to another tenant. */
    public List<LogEntry> eventsInScope(long runId, int afterSeq) {
        return events(scope.em(), runId, afterSeq);
    }

    private static List<LogEntry> events(EntityManager em, long runId, int afterSeq) {
        return LogReads.entries(em, runId, afterSeq);
    }
}
