package org.switchboard.core.runs.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunEvent;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * The run engine's reads of {@code runs} and {@code run_events} through JPA. It writes nothing: {@link RunRows}
 * is the one writer of {@code runs} and {@link EventWriter} of {@code run_events}. Each method is its own
 * transaction: the engine runs on background threads, outside any request's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunStore {
    @PersistenceContext
    EntityManager em;

    public List<Long> cancelRequested(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r.id FROM Run r WHERE r.id IN :ids AND r.cancelRequested = TRUE", Long.class)
                .setParameter("ids", runIds)
                .getResultList();
    }

    public List<Long> expiredLeases(Instant now, int limit) {
        return em.createQuery(
                        "SELECT r.id FROM Run r WHERE r.status = :running AND r.leaseExpiresAt < :now", Long.class)
                .setParameter("running", RunStatus.RUNNING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    public Run find(long runId) {
        return em.find(Run.class, runId);
    }

    public List<LogEntry> events(long runId, int afterSeq) {
        return em.createQuery(
                        "SELECT e FROM RunEvent e WHERE e.runId = :id AND e.seq > :after ORDER BY e.seq",
                        RunEvent.class)
                .setParameter("id", runId)
                .setParameter("after", afterSeq)
                .getResultStream()
                .map(RunEvent::toEntry)
                .toList();
    }

    public List<Run> recent(int limit) {
        return em.createQuery("SELECT r FROM Run r ORDER BY r.id DESC", Run.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
