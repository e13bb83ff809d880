package org.switchboard.core.runs.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.TimedEvent;

/**
 * The statements of {@link RunCompactor}, on a connection in a transaction of the caller's: replaces the
 * {@code run_events} rows of ended runs by one {@code run_logs} row each, in that one transaction, so a crash
 * leaves either the rows or the compact row, never neither. Each run's row is locked first ({@code FOR UPDATE
 * SKIP LOCKED}): the retention purge, which locks it too, never deletes a log being compacted, and two instances
 * never compact the same run at once.
 */
final class Compaction {
    private static final Logger LOG = Logger.getLogger(Compaction.class.getName());
    private static final int ERROR_TYPE_LENGTH = 255;
    private static final String LOCK = "SELECT id, tenant_id FROM runs WHERE ended_at IS NOT NULL"
            + " AND status <> 'EXPIRED' AND ended_at < ? AND id IN ";
    private static final String READ = "SELECT run_id, seq, type, data, created_at FROM run_events WHERE run_id IN ";
    private static final String INSERT =
            "INSERT INTO run_logs (run_id, tenant_id, error_type, body) VALUES (?, ?, ?, ?)"
                    // a log compacted already (rows a retried commit wrote again since) stays as it is
                    + " ON DUPLICATE KEY UPDATE run_id = run_id";
    private static final String LOGGED = "SELECT run_id FROM run_logs WHERE run_id IN ";
    private static final String DELETE_EVENTS = "DELETE FROM run_events WHERE run_id IN ";
    private static final String UNCOMPACTED =
            "SELECT DISTINCT run_id FROM run_events WHERE run_id < ? ORDER BY run_id DESC LIMIT ?";

    private Compaction() {}

    /**
     * Compacts those of {@code runIds} that ended before {@code endedBefore} (and are not expired) and no other
     * transaction holds; returns the ids of the runs it took (compacted, or found compacted already).
     */
    static Set<Long> compact(Connection connection, Collection<Long> runIds, Instant endedBefore) throws SQLException {
        Map<Long, String> tenants = lock(connection, runIds, endedBefore);
        if (tenants.isEmpty()) {
            return Set.of();
        }
        Map<Long, List<TimedEvent>> logs = read(connection, tenants.keySet());
        List<Long> compacted = new ArrayList<>();
        List<Long> partial = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<Long, List<TimedEvent>> log : logs.entrySet()) {
                byte[] body = LogReads.isWholeRest(log.getValue(), 0) ? encoded(log.getValue()) : null;
                if (body == null) {
                    partial.add(log.getKey());
                    continue;
                }
                insert.setLong(1, log.getKey());
                insert.setString(2, tenants.get(log.getKey()));
                insert.setString(3, errorType(log.getValue().get(log.getValue().size() - 1)));
                insert.setBytes(4, body);
                insert.addBatch();
                compacted.add(log.getKey());
            }
            if (!compacted.isEmpty()) {
                insert.executeBatch();
            }
        }
        List<Long> delete = new ArrayList<>(compacted);
        delete.addAll(logged(connection, partial)); // rows written again after the compaction: the log has them
        if (!delete.isEmpty()) {
            try (PreparedStatement rows =
                    connection.prepareStatement(DELETE_EVENTS + RunRows.placeholders(delete.size()))) {
                RunRows.bindIds(rows, 1, delete);
                rows.executeUpdate();
            }
        }
        if (delete.size() < logs.size()) {
            LOG.warning(() -> "Left uncompacted: ended runs whose log is not whole from seq 1 to a terminal event"
                    + " or does not encode exactly: " + partial);
        }
        return tenants.keySet();
    }

    /** Up to {@code limit} ids of runs with {@code run_events} rows below {@code beforeId}, newest first. */
    static List<Long> uncompacted(Connection connection, long beforeId, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(UNCOMPACTED)) {
            select.setLong(1, beforeId);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Map<Long, String> lock(Connection connection, Collection<Long> runIds, Instant endedBefore)
            throws SQLException {
        Map<Long, String> tenants = new LinkedHashMap<>();
        try (PreparedStatement lock =
                connection.prepareStatement(LOCK + RunRows.placeholders(runIds.size()) + " FOR UPDATE SKIP LOCKED")) {
            lock.setTimestamp(1, Timestamp.from(endedBefore));
            RunRows.bindIds(lock, 2, runIds);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    tenants.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return tenants;
    }

    /** The events of each run, read as JPA reads them ({@code RunEvent}), so each moment is the same instant. */
    private static Map<Long, List<TimedEvent>> read(Connection connection, Collection<Long> runIds)
            throws SQLException {
        Map<Long, List<TimedEvent>> logs = new LinkedHashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement(READ + RunRows.placeholders(runIds.size()) + " ORDER BY run_id, seq")) {
            RunRows.bindIds(select, 1, runIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    logs.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(new TimedEvent(
                                    rows.getInt(2),
                                    EventType.valueOf(rows.getString(3)),
                                    rows.getString(4),
                                    rows.getTimestamp(5).toInstant()));
                }
            }
        }
        return logs;
    }

    private static List<Long> logged(Connection connection, List<Long> runIds) throws SQLException {
        List<Long> logged = new ArrayList<>();
        if (runIds.isEmpty()) {
            return logged;
        }
        try (PreparedStatement select = connection.prepareStatement(LOGGED + RunRows.placeholders(runIds.size()))) {
            RunRows.bindIds(select, 1, runIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    logged.add(rows.getLong(1));
                }
            }
        }
        return logged;
    }

    /** The compact form of a run's events, or null if it would not decode to exactly the same events. */
    private static byte[] encoded(List<TimedEvent> events) {
        try {
            byte[] body = LogCodec.encode(events);
            return LogCodec.decode(body).equals(events) ? body : null;
        } catch (IllegalArgumentException notEncodable) {
            return null;
        }
    }

    /** The problem type of a terminal {@code error} event, which the console's error-class filter matches. */
    private static String errorType(TimedEvent terminal) {
        if (terminal.type() != EventType.ERROR) {
            return null;
        }
        try {
            String type = JsonP.parseObject(terminal.data()).getString("type", null);
            return type == null || type.length() > ERROR_TYPE_LENGTH ? null : type;
        } catch (RuntimeException notAProblem) {
            return null;
        }
    }
}
