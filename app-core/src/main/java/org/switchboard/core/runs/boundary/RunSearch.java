package org.switchboard.core.runs.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.runs.control.LogReads;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunFilter;
import org.switchboard.core.runs.entity.RunTimeline;
import org.switchboard.core.runs.entity.RunTimings;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.runs.entity.TimedEvent;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The console's reads of runs: lists filtered by tenant, status, model, time and error class, and one run with
 * its timed events. Admins only. What a caller sees is decided by the {@link TenantScope} alone: a tenant admin
 * the runs of their tenant (another tenant's run id is not found), a platform admin every tenant's.
 */
@Stateless
@TenantScoped
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
public class RunSearch {
    private static final String PROBLEM_BASE = "urn:switchboard:problem:";

    @Inject
    TenantScope scope;

    public List<RunView> search(Caller caller, @NotNull @Valid RunFilter filter) {
        List<String> where = new ArrayList<>();
        if (given(filter.tenant())) where.add("r.tenantId = :tenant");
        if (filter.status() != null) where.add("r.status = :status");
        if (given(filter.model())) where.add("r.model = :model");
        if (filter.from() != null) where.add("r.createdAt >= :from");
        if (filter.to() != null) where.add("r.createdAt < :to");
        if (given(filter.errorClass())) {
            // a compacted run's log keeps its error event's problem type in a column of its own
            where.add("(EXISTS (SELECT e FROM RunEvent e WHERE e.runId = r.id AND e.type = :error"
                    + " AND e.data LIKE :errorClass) OR EXISTS (SELECT l FROM CompactLog l WHERE l.runId = r.id"
                    + " AND l.errorType = :errorType))");
        }
        String jpql = "SELECT r FROM Run r" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY r.id DESC";
        TypedQuery<Run> query = scope.em(caller).createQuery(jpql, Run.class).setMaxResults(filter.limit());
        if (given(filter.tenant())) query.setParameter("tenant", filter.tenant().strip());
        if (filter.status() != null) query.setParameter("status", filter.status());
        if (given(filter.model())) query.setParameter("model", filter.model().strip());
        if (filter.from() != null) query.setParameter("from", filter.from());
        if (filter.to() != null) query.setParameter("to", filter.to());
        if (given(filter.errorClass())) {
            query.setParameter("error", EventType.ERROR);
            query.setParameter(
                    "errorClass", errorTypePattern(filter.errorClass().strip()));
            query.setParameter("errorType", PROBLEM_BASE + filter.errorClass().strip());
        }
        return query.getResultStream().map(RunView::of).toList();
    }

    /** The run with every durable event of its log and when each became durable; {@link RunNotFound} if unseen. */
    public RunTimeline timeline(Caller caller, String id) {
        EntityManager em = scope.em(caller);
        Run run = Ids.parse(id).stream()
                .mapToObj(runId -> em.find(Run.class, runId))
                .filter(found -> found != null)
                .findFirst()
                .orElseThrow(() -> new RunNotFound(id));
        List<TimedEvent> events = LogReads.timed(em, run.id());
        return new RunTimeline(RunView.of(run), events, RunTimings.of(run.createdAt(), events));
    }

    /**
     * Matches an {@code error} event whose problem type is {@code errorClass}: the event's JSON is written by
     * JSON-P without spaces ({@code {"type":"urn:switchboard:problem:deadline-exceeded",...}}). LIKE's wildcards in
     * the input are escaped, so the class matches only itself.
     */
    static String errorTypePattern(String errorClass) {
        String literal = errorClass.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%\"type\":\"" + PROBLEM_BASE + literal + "\"%";
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
