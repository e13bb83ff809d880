package org.switchboard.core.runs.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.switchboard.core.platform.Jdbc;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * The part of {@link RunRows} that ends run rows: the event log's terminations, a cancelled queued run, a
 * reaped lease and the retention purge. Package-private: {@code runs} has no other writer.
 */
final class RunEndings {
    /** Ends a run with the batch that carries its terminal event (executed by {@link EventWriter}). */
    static final String END = "UPDATE runs SET status = ?, status_reason = ?, last_seq = ?, input_tokens = ?,"
            + " output_tokens = ?, usage_estimated = ?, ended_at = ?, lease_owner = NULL, lease_expires_at = NULL,"
            + " cost = ?, served_by = ?, attempts = ?, upstream_conversation_id = ?, route_attempts = ? WHERE id = ?";

    private static final String LOCK = "SELECT status, tenant_id, lease_expires_at FROM runs WHERE id = ? FOR UPDATE";
    private static final String SELECT_EXPIRED =
            "SELECT id FROM runs WHERE ended_at < ? AND status <> 'EXPIRED' ORDER BY id LIMIT ? FOR UPDATE";
    private static final String MARK_EXPIRED = "UPDATE runs SET status = 'EXPIRED' WHERE id IN ";

    /** Writes a run's end once its row is locked and found as expected; returns nothing of interest. */
    @FunctionalInterface
    interface Ending {
        void write(Connection connection, String tenantId) throws SQLException;
    }

    private RunEndings() {}

    /** Adds one run's termination, logged at {@code seq}, to the batch of {@code end}. */
    static void bindEnd(PreparedStatement end, long runId, int seq, LiveRun.Termination termination, Timestamp now)
            throws SQLException {
        end.setString(1, termination.status().name());
        end.setString(2, termination.reason());
        end.setInt(3, seq);
        if (termination.usage() == null) {
            end.setNull(4, Types.INTEGER);
            end.setNull(5, Types.INTEGER);
            end.setBoolean(6, false);
        } else {
            end.setInt(4, termination.usage().inputTokens());
            end.setInt(5, termination.usage().outputTokens());
            end.setBoolean(6, termination.usage().estimated());
        }
        end.setTimestamp(7, now);
        end.setBigDecimal(
                8, termination.usage() == null ? null : termination.usage().cost());
        end.setString(9, termination.servedBy());
        end.setInt(10, termination.attempts());
        end.setString(11, termination.upstreamConversationId());
        end.setString(12, termination.routeAttempts());
        end.setLong(13, runId);
        end.addBatch();
    }

    /**
     * Locks the run's row and, if it belongs to {@code tenant} (any tenant if null: platform work), is in
     * {@code status} and, for a {@code now}, its lease has expired by then, writes {@code ending} in the same
     * transaction. False if the row was not as expected.
     */
    static boolean endIf(DataSource dataSource, long runId, String tenant, String status, Instant now, Ending ending) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setLong(1, runId);
                    try (ResultSet row = lock.executeQuery()) {
                        if (!row.next()
                                || !status.equals(row.getString(1))
                                || (tenant != null && !tenant.equals(row.getString(2)))
                                || !expiredBy(row.getTimestamp(3), now)) {
                            return false;
                        }
                        ending.write(connection, row.getString(2));
                        return true;
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end run " + runId, e);
        }
    }

    private static boolean expiredBy(Timestamp leaseEnd, Instant now) {
        return now == null || (leaseEnd != null && leaseEnd.toInstant().isBefore(now));
    }

    /** Logs the terminal {@code error} event at {@code seq} and ends the row with it. */
    static void end(
            Connection connection, long runId, String tenantId, int seq, String data, RunStatus status, String reason)
            throws SQLException {
        EventWriter.insertOne(connection, runId, seq, tenantId, EventType.ERROR, data);
        try (PreparedStatement end = connection.prepareStatement(END)) {
            bindEnd(
                    end,
                    runId,
                    seq,
                    new LiveRun.Termination(status, reason, null, null, 0, null, null),
                    Timestamp.from(Instant.now()));
            end.executeBatch();
        }
    }

    /** Expires up to {@code limit} runs that ended before {@code endedBefore}; returns how many. */
    static int expire(Connection connection, Instant endedBefore, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_EXPIRED)) {
            select.setTimestamp(1, Timestamp.from(endedBefore));
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        EventWriter.deleteOf(connection, ids);
        try (PreparedStatement mark = connection.prepareStatement(MARK_EXPIRED + RunRows.placeholders(ids.size()))) {
            RunRows.bindIds(mark, 1, ids);
            return mark.executeUpdate();
        }
    }
}
