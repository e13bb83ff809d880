package org.switchboard.core.runs.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.switchboard.core.runs.entity.CompactLog;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RunEvent;
import org.switchboard.core.runs.entity.TimedEvent;

/**
 * Reads a run's log from whichever table holds it: {@code run_events} while the run is generating and shortly
 * after, its one {@code run_logs} row once {@link RunCompactor} has compacted it (both replaced in one
 * transaction). Through the caller's {@link EntityManager}, so the tenant scope it carries applies to both.
 *
 * <p>No gap or duplicate for a read racing the compaction: {@code run_events} is read first. Rows that form the
 * whole rest of the log (from the cursor, contiguous, ending with the terminal event) are the answer; the
 * compaction can only have removed all of them at once, and then the compact row is there for the second read,
 * which always sees a state at least as new as the first. Anything less (a live run, a compacted one) looks for
 * the compact row, which, when present, holds the whole log.
 */
public final class LogReads {
    private LogReads() {}

    /** The run's events after {@code afterSeq}, in seq order. */
    public static List<LogEntry> entries(EntityManager em, long runId, int afterSeq) {
        return timed(em, runId, afterSeq).stream()
                .map(event -> new LogEntry(runId, event.seq(), event.type(), event.data()))
                .toList();
    }

    /** Every event of the run's log with the moment it became durable, in seq order. */
    public static List<TimedEvent> timed(EntityManager em, long runId) {
        return timed(em, runId, 0);
    }

    private static List<TimedEvent> timed(EntityManager em, long runId, int afterSeq) {
        List<TimedEvent> rows = em.createQuery(
                        "SELECT e FROM RunEvent e WHERE e.runId = :id AND e.seq > :after ORDER BY e.seq",
                        RunEvent.class)
                .setParameter("id", runId)
                .setParameter("after", afterSeq)
                .getResultStream()
                .map(RunEvent::toTimed)
                .toList();
        if (isWholeRest(rows, afterSeq)) {
            return rows;
        }
        CompactLog log = em.find(CompactLog.class, runId);
        if (log == null) {
            return rows;
        }
        return LogCodec.decode(log.body()).stream()
                .filter(event -> event.seq() > afterSeq)
                .toList();
    }

    /** Whether {@code rows} are every event after {@code afterSeq} up to and with the terminal one. */
    static boolean isWholeRest(List<TimedEvent> rows, int afterSeq) {
        if (rows.isEmpty() || !rows.get(rows.size() - 1).type().isTerminal()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).seq() != afterSeq + 1 + i) {
                return false;
            }
        }
        return true;
    }
}
