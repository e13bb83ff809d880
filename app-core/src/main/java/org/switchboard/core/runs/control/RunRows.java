package org.switchboard.core.runs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.Jdbc;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.tenants.boundary.TenantScope;

/**
 * The one writer of table {@code runs}: every statement that changes a run row is here, with plain JDBC, and
 * JPA only reads the table ({@link Run} is read-only). Submission, claim, lease renewal and cancel requests
 * run here; the event log's group commit ({@link EventWriter}) executes {@link #RECORD_RUNNING} and
 * {@link RunEndings#END} in its own transaction. One writer means no optimistic-lock version kept in step by
 * hand: a change that depends on a row's state locks the row ({@code FOR UPDATE}) in its transaction.
 * These writes are on every request's path, where the EJB, JTA and persistence-context machinery cost more
 * CPU than the statements themselves (measured with the benchmark).
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
    private static final String CLAIM =
            "UPDATE runs SET status = 'RUNNING', lease_owner = ?, lease_expires_at = ?, started_at = ? WHERE id = ?";
    private static final String RENEW =
            "UPDATE runs SET lease_expires_at = ?" + " WHERE lease_owner = ? AND status = 'RUNNING' AND id IN ";
    private static final String REQUEST_CANCEL =
            "UPDATE runs SET cancel_requested = TRUE WHERE id = ? AND tenant_id = ? AND status = 'RUNNING'";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    TenantScope scope;

    /** Records a queued run (one statement, committed on its own). */
    public void insertQueued(Run run) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, run, false);
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
    @Transactional(TxType.NOT_SUPPORTED) // a local transaction of its own, whatever the caller runs in
    List<Run> claimQueued(String owner, Instant leaseEnd, int limit) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                List<Run> claimed = selectQueued(connection, limit);
                if (!claimed.isEmpty()) {
                    markRunning(connection, claimed, owner, leaseEnd);
                }
                return claimed;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim queued runs", e);
        }
    }

    /** Renews the leases of the runs this instance is generating; returns how many rows it renewed. */
    public int renewLeases(Collection<Long> runIds, String owner, Instant until) {
        if (runIds.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew = connection.prepareStatement(RENEW + placeholders(runIds.size()))) {
            renew.setTimestamp(1, Timestamp.from(until));
            renew.setString(2, owner);
            bindIds(renew, 3, runIds);
            return renew.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renew run leases", e);
        }
    }

    /**
     * Asks the instance generating a run of the caller's tenant ({@link TenantScope}) to cancel it (it looks at
     * every lease renewal).
     */
    public void requestCancel(long runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement request = connection.prepareStatement(REQUEST_CANCEL)) {
            request.setLong(1, runId);
            request.setString(2, scope.tenant());
            request.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not request the cancel of run " + runId, e);
        }
    }

    /**
     * Cancels a run of the caller's tenant ({@link TenantScope}) no worker has claimed yet, with its terminal
     * event; false if it is no longer queued.
     */
    @Transactional(TxType.NOT_SUPPORTED) // a local transaction of its own, whatever the caller runs in
    public boolean cancelQueued(long runId) {
        String reason = "The run was cancelled on request";
        String data = EventData.error("cancelled", "Run cancelled", reason, RunStatus.CANCELLED);
        return RunEndings.endIf(
                dataSource,
                runId,
                scope.tenant(),
                "QUEUED",
                null,
                (connection, tenant) ->
                        RunEndings.end(connection, runId, tenant, 1, data, RunStatus.CANCELLED, reason));
    }

    /**
     * Ends a run whose lease expired as {@code incomplete}, appending its terminal {@code error} event after
     * the last durable one. Returns false if the run was renewed or ended meanwhile.
     */
    @Transactional(TxType.NOT_SUPPORTED) // a local transaction of its own, whatever the caller runs in
    public boolean endExpired(long runId, Instant now) {
        String reason = "The instance generating this run stopped (lease expired); the output is partial";
        String data = EventData.error("lease-expired", "Run interrupted", reason, RunStatus.INCOMPLETE);
        return RunEndings.endIf(
                dataSource,
                runId,
                null,
                "RUNNING",
                now,
                (connection, tenant) -> RunEndings.end(
                        connection,
                        runId,
                        tenant,
                        EventWriter.lastSeq(connection, runId) + 1,
                        data,
                        RunStatus.INCOMPLETE,
                        reason));
    }

    /** Forgets the events and request of runs that ended before {@code endedBefore}: they answer 410 from now on. */
    @Transactional(TxType.NOT_SUPPORTED) // a local transaction of its own, whatever the caller runs in
    public int expire(Instant endedBefore, int limit) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> RunEndings.expire(connection, endedBefore, limit));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire ended runs", e);
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

    static String placeholders(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    static void bindIds(PreparedStatement statement, int first, Collection<Long> ids) throws SQLException {
        int index = first;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
    }
}
