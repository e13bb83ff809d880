package org.switchboard.core.runs.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunEvent;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.tenants.boundary.TenantScope;

/**
 * The run engine's durable writes. Each method is its own transaction: the engine runs on background
 * threads, outside any request's transaction. The engine's methods are platform work and see every tenant's
 * runs; {@link #findInScope} and {@link #eventsInScope} see only the runs of the caller's tenant
 * ({@link TenantScope}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunStore {
    @Inject
    TenantScope scope;

    /** Renews the leases of the runs this instance is generating. */
    public int renewLeases(Collection<Long> runIds, String owner, Instant until) {
        if (runIds.isEmpty()) {
            return 0;
        }
        return scope.platform()
                .createQuery("UPDATE Run r SET r.leaseExpiresAt = :until"
                        + " WHERE r.id IN :ids AND r.leaseOwner = :owner AND r.status = :running")
                .setParameter("until", until)
                .setParameter("ids", runIds)
                .setParameter("owner", owner)
                .setParameter("running", RunStatus.RUNNING)
                .executeUpdate();
    }

    /** Cancels a run of the caller's tenant no worker has claimed yet; false if it is no longer queued. */
    public boolean cancelQueued(long runId) {
        EntityManager em = scope.em();
        Run run = em.find(Run.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status() != RunStatus.QUEUED) {
            return false;
        }
        String data =
                EventData.error("cancelled", "Run cancelled", "The run was cancelled on request", RunStatus.CANCELLED);
        em.persist(new RunEvent(run.tenantId(), new LogEntry(runId, 1, EventType.ERROR, data)));
        run.end(RunStatus.CANCELLED, "The run was cancelled on request", 1, Instant.now());
        return true;
    }

    /** Asks the instance generating a run of the caller's tenant to cancel it (it looks at every lease renewal). */
    public void requestCancel(long runId) {
        scope.em()
                .createQuery("UPDATE Run r SET r.cancelRequested = TRUE WHERE r.id = :id AND r.status = :running")
                .setParameter("id", runId)
                .setParameter("running", RunStatus.RUNNING)
                .executeUpdate();
    }

    public List<Long> cancelRequested(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return scope.platform()
                .createQuery("SELECT r.id FROM Run r WHERE r.id IN :ids AND r.cancelRequested = TRUE", Long.class)
                .setParameter("ids", runIds)
                .getResultList();
    }

    /** Forgets the events and request of runs that ended before {@code endedBefore}: they answer 410 from now on. */
    public int expire(Instant endedBefore, int limit) {
        EntityManager em = scope.platform();
        List<Long> ids = em.createQuery(
                        "SELECT r.id FROM Run r WHERE r.endedAt < :before AND r.status <> :expired", Long.class)
                .setParameter("before", endedBefore)
                .setParameter("expired", RunStatus.EXPIRED)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("DELETE FROM RunEvent e WHERE e.runId IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("UPDATE Run r SET r.status = :expired WHERE r.id IN :ids")
                .setParameter("expired", RunStatus.EXPIRED)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    public List<Long> expiredLeases(Instant now, int limit) {
        return scope.platform()
                .createQuery("SELECT r.id FROM Run r WHERE r.status = :running AND r.leaseExpiresAt < :now", Long.class)
                .setParameter("running", RunStatus.RUNNING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Ends a run whose lease expired as {@code incomplete}, appending its terminal {@code error} event after
     * the last durable one. Returns false if the run was renewed or ended meanwhile.
     */
    public boolean endExpired(long runId, Instant now) {
        EntityManager em = scope.platform();
        Run run = em.find(Run.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status() != RunStatus.RUNNING || !run.leaseExpired(now)) {
            return false;
        }
        int seq = maxSeq(em, runId) + 1;
        String reason = "The instance generating this run stopped (lease expired); the output is partial";
        String data = EventData.error("lease-expired", "Run interrupted", reason, RunStatus.INCOMPLETE);
        em.persist(new RunEvent(run.tenantId(), new LogEntry(runId, seq, EventType.ERROR, data)));
        run.end(RunStatus.INCOMPLETE, reason, seq, now);
        return true;
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
        return em.createQuery(
                        "SELECT e FROM RunEvent e WHERE e.runId = :id AND e.seq > :after ORDER BY e.seq",
                        RunEvent.class)
                .setParameter("id", runId)
                .setParameter("after", afterSeq)
                .getResultStream()
                .map(RunEvent::toEntry)
                .toList();
    }

    /** The newest runs of every tenant: platform work (the console). */
    public List<Run> recent(int limit) {
        return scope.platform()
                .createQuery("SELECT r FROM Run r ORDER BY r.id DESC", Run.class)
                .setMaxResults(limit)
                .getResultList();
    }

    private static int maxSeq(EntityManager em, long runId) {
        Integer max = em.createQuery("SELECT MAX(e.seq) FROM RunEvent e WHERE e.runId = :id", Integer.class)
                .setParameter("id", runId)
                .getSingleResult();
        return max == null ? 0 : max;
    }
}
