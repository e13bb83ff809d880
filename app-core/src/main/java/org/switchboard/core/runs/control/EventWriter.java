package org.switchboard.core.runs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.switchboard.core.platform.Database;
import org.switchboard.core.runs.entity.EventType;

/**
 * The one writer of table {@code run_events}. Writes a group commit of run events with plain JDBC: the rows of
 * the runs it starts and the terminations it carries (statements of {@link RunRows}, the writer of
 * {@code runs}), one batched insert of the events (the driver rewrites it into multi-row statements), one local
 * commit. This is the hottest write of the
 * application, so it skips the EJB, JTA and persistence-context machinery, which cost milliseconds of CPU
 * per commit under load (measured with the benchmark).
 */
@ApplicationScoped
public class EventWriter {
    private static final String INSERT =
            "INSERT INTO run_events (run_id, seq, tenant_id, type, data, created_at) VALUES (?, ?, ?, ?, ?, NOW(6))"
                    // A commit whose answer was lost is retried: rows it did write are left as they are, not a failure.
                    + " ON DUPLICATE KEY UPDATE run_id = run_id";
    private static final String DELETE = "DELETE FROM run_events WHERE run_id IN ";
    private static final String DELETE_COMPACTED = "DELETE FROM run_logs WHERE run_id IN ";
    private static final String LAST_SEQ = "SELECT MAX(seq) FROM run_events WHERE run_id = ?";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @jakarta.inject.Inject
    RunCompactor compactor;

    /** A writer with a connection of its own, for one writer thread; whoever asks for it closes it. */
    Lane lane() {
        return new Lane();
    }

    /**
     * One writer thread's connection and its statements, kept across group commits (no pool checkout,
     * validation or statement parse per commit) and dropped on any failure. Closing waits for the commit in
     * progress, so a connection is never taken away from under its writer; a closed lane writes nothing more.
     */
    final class Lane implements AutoCloseable {
        private Connection connection;
        private PreparedStatement insert;
        private PreparedStatement end;
        private PreparedStatement record;
        private boolean closed;

        synchronized void append(List<RunLog.Pending> batch) throws SQLException {
            if (closed) {
                throw new SQLException("The run log is closed (the application is stopping)");
            }
            Timestamp now = Timestamp.from(Instant.now());
            try {
                open();
                if (recordRuns(record, batch)) {
                    record.executeBatch();
                }
                insertEvents(insert, batch);
                if (endRuns(end, batch, now)) {
                    end.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                discard();
                throw e;
            }
            compactLater(batch);
        }

        /**
         * Hands the runs the batch ended to the compactor. Never fails the committed batch: a compactor that cannot
         * take them (the application stopping, its bean not created yet) leaves them to the sweep.
         */
        private void compactLater(List<RunLog.Pending> batch) {
            try {
                for (RunLog.Pending pending : batch) {
                    if (pending.termination() != null) {
                        compactor.ended(pending.entry().runId()); // its log is whole and durable now
                    }
                }
            } catch (RuntimeException stopping) {
                // the sweep compacts them
            }
        }

        private void open() throws SQLException {
            if (connection == null) {
                Connection opened = dataSource.getConnection();
                try {
                    opened.setAutoCommit(false);
                    insert = opened.prepareStatement(INSERT);
                    end = opened.prepareStatement(RunEndings.END);
                    record = opened.prepareStatement(RunRows.RECORD_RUNNING);
                } catch (SQLException e) {
                    opened.close();
                    throw e;
                }
                connection = opened;
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            discard();
        }

        /** Rolls back and gives the connection back to the pool; the next commit opens a fresh one. */
        private void discard() {
            Connection current = connection;
            PreparedStatement currentInsert = insert;
            PreparedStatement currentEnd = end;
            PreparedStatement currentRecord = record;
            connection = null;
            insert = null;
            end = null;
            record = null;
            if (current != null) {
                try (current;
                        currentInsert;
                        currentEnd;
                        currentRecord) {
                    current.rollback();
                    current.setAutoCommit(true);
                } catch (SQLException e) {
                    // the connection is broken; the pool finds that out itself
                }
            }
        }
    }

    /** Adds the rows of the runs the batch starts to {@code record}; false if there are none. */
    private static boolean recordRuns(PreparedStatement record, List<RunLog.Pending> batch) throws SQLException {
        boolean any = false;
        for (RunLog.Pending pending : batch) {
            if (pending.row() != null) {
                any = true;
                RunRows.bind(record, pending.row(), true);
                record.addBatch();
            }
        }
        return any;
    }

    private static void insertEvents(PreparedStatement insert, List<RunLog.Pending> batch) throws SQLException {
        for (RunLog.Pending pending : batch) {
            insert.setLong(1, pending.entry().runId());
            insert.setInt(2, pending.entry().seq());
            insert.setString(3, pending.run().tenantId());
            insert.setString(4, pending.entry().type().name());
            insert.setString(5, pending.entry().data());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /** Adds the batch's run endings to {@code end}; false if there are none. */
    private static boolean endRuns(PreparedStatement end, List<RunLog.Pending> batch, Timestamp now)
            throws SQLException {
        boolean any = false;
        for (RunLog.Pending pending : batch) {
            LiveRun.Termination termination = pending.termination();
            if (termination != null) {
                any = true;
                RunEndings.bindEnd(end, pending.entry().runId(), pending.entry().seq(), termination, now);
            }
        }
        return any;
    }

    /** Logs one event on {@code connection}, in its caller's transaction (a run ended outside the log). */
    static void insertOne(Connection connection, long runId, int seq, String tenantId, EventType type, String data)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, runId);
            insert.setInt(2, seq);
            insert.setString(3, tenantId);
            insert.setString(4, type.name());
            insert.setString(5, data);
            insert.executeUpdate();
        }
    }

    /** The seq of a run's last logged event, 0 if it has none. */
    static int lastSeq(Connection connection, long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LAST_SEQ)) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** Deletes the logs of the given runs, as rows or compacted (the retention purge). */
    static void deleteOf(Connection connection, List<Long> runIds) throws SQLException {
        for (String statement : List.of(DELETE, DELETE_COMPACTED)) {
            try (PreparedStatement delete =
                    connection.prepareStatement(statement + RunRows.placeholders(runIds.size()))) {
                RunRows.bindIds(delete, 1, runIds);
                delete.executeUpdate();
            }
        }
    }
}
