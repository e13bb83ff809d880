package org.switchboard.core.runs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.switchboard.core.platform.Database;
import org.switchboard.core.runs.entity.Run;

/**
 * The writes a queued run makes on its way in — submission, then claim — with plain JDBC (a run started at once
 * is recorded by the event log, with its first event: {@link RunLog#appendFirst}). Like the event
 * log's {@link EventWriter}, they are on every request's path, where the EJB, JTA and persistence-context
 * machinery cost more CPU than the statements themselves (measured with the benchmark).
 */
@ApplicationScoped
public class RunRows {
    private static final String INSERT = "INSERT INTO runs (id, tenant_id, owner_id, model, status, request,"
            + " created_at, callback_url) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?)";
    private static final String INSERT_RUNNING = "INSERT INTO runs (id, tenant_id, owner_id, model, status, request,"
            + " created_at, callback_url, lease_owner, lease_expires_at, started_at)"
            + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?)";
    /** The same, as the event log writes it with a run's first event: a retried commit finds it there already. */
    static final String RECORD_RUNNING = INSERT_RUNNING + " ON DUPLICATE KEY UPDATE id = id";

    private static final String SELECT_QUEUED = "SELECT id, tenant_id, owner_id, model, request, created_at,"
            + " callback_url FROM runs WHERE status = 'QUEUED' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String CLAIM = "UPDATE runs SET status = 'RUNNING', lease_owner = ?, lease_expires_at = ?,"
            + " started_at = ?, version = version + 1 WHERE id = ?";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Records a queued run (one statement, committed on its own). */
    public void insertQueued(Run run) {
        insert(run, INSERT, false);
    }

    private void insert(Run run, String sql, boolean leased) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            bind(insert, run, leased);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record run " + run.id(), e);
        }
    }

    /** Sets the parameters of {@link #INSERT}, or of {@link #INSERT_RUNNING} for a {@code leased} run. */
    static void bind(PreparedStatement insert, Run run, boolean leased) throws SQLException {
        insert.setLong(1, run.id());
        insert.setString(2, run.tenantId());
        insert.setString(3, run.ownerId());
        insert.setString(4, run.model());
        insert.setString(5, run.request());
        insert.setTimestamp(6, Timestamp.from(run.createdAt()));
        insert.setString(7, run.callbackUrl());
        if (leased) {
            insert.setString(8, run.leaseOwner());
            insert.setTimestamp(9, Timestamp.from(run.leaseExpiresAt()));
            insert.setTimestamp(10, Timestamp.from(run.startedAt()));
        }
    }

    /**
     * Claims up to {@code limit} queued runs for this instance in one transaction: rows other workers are
     * claiming right now are skipped, never waited for ({@code FOR UPDATE SKIP LOCKED}).
     */
    List<Run> claimQueued(String owner, Instant leaseEnd, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Run> claimed = selectQueued(connection, limit);
                if (!claimed.isEmpty()) {
                    markRunning(connection, claimed, owner, leaseEnd);
                }
                connection.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim queued runs", e);
        }
    }

    private static List<Run> selectQueued(Connection connection, int limit) throws SQLException {
        List<Run> queued = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_QUEUED)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    queued.add(Run.restoreQueued(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getTimestamp(6).toInstant(),
                            rows.getString(7)));
                }
            }
        }
        return queued;
    }

    private static void markRunning(Connection connection, List<Run> claimed, String owner, Instant leaseEnd)
            throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement update = connection.prepareStatement(CLAIM)) {
            for (Run run : claimed) {
                run.start(owner, leaseEnd, now);
                update.setString(1, owner);
                update.setTimestamp(2, Timestamp.from(leaseEnd));
                update.setTimestamp(3, Timestamp.from(now));
                update.setLong(4, run.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
