package org.switchboard.core.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.switchboard.core.audit.entity.AdminChange;
import org.switchboard.core.audit.entity.AuditRecord;
import org.switchboard.core.platform.ApplicationStopping;
import org.switchboard.core.platform.BatchWriter;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.Ids;

/**
 * Appends audit rows. Admin changes ({@link #change}) are written at once, in the transaction of the change,
 * so a change commits with its audit row or not at all. The request being audited does not wait for the write: records go into a queue and
 * one writer thread inserts whatever has accumulated in one batched statement, so under load the audit
 * costs one round trip per batch rather than a transaction per request. While the database is unavailable
 * the writer retries; beyond {@value #MAX_QUEUED} waiting records new ones are dropped with a warning
 * rather than exhausting memory.
 */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    static final int MAX_QUEUED = 100_000;
    private static final int MAX_BATCH = 512;
    private static final String INSERT = "INSERT INTO audit_log (id, tenant_id, actor, request_id, method, route,"
            + " status, latency_ms, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private static final String INSERT_CHANGE = "INSERT INTO audit_log (id, tenant_id, actor, request_id, method,"
            + " route, status, latency_ms, created_at, action, before_state, after_state)"
            + " VALUES (?, ?, ?, ?, 'CHANGE', ?, 200, 0, ?, ?, ?, ?)";

    private BatchWriter<AuditRecord> writer;

    @PostConstruct
    void init() {
        writer = new BatchWriter<>("switchboard-audit", threads, MAX_QUEUED, MAX_BATCH, this::insert, written -> {});
    }

    public void record(AuditRecord record) {
        if (!writer.offer(record)) {
            LOG.warning(() -> "Audit queue full (database unavailable?) or stopping; dropped the record of request "
                    + record.requestId());
        }
    }

    /**
     * Writes an admin change in the caller's transaction (the datasource enlists in it), so it rolls back with
     * the change. Its request id is an id of its own: the REST request's row carries that request's.
     */
    public void change(AdminChange change) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_CHANGE)) {
            long id = Ids.next();
            insert.setLong(1, id);
            insert.setString(2, change.tenantId());
            insert.setString(3, change.actor());
            insert.setString(4, Long.toString(id));
            insert.setString(5, change.subject());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.setString(7, change.action());
            insert.setString(8, change.before());
            insert.setString(9, change.after());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not audit " + change.action() + " of " + change.subject(), e);
        }
    }

    private void insert(List<AuditRecord> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditRecord record : batch) {
                insert.setLong(1, Ids.next());
                insert.setString(2, record.tenantId());
                insert.setString(3, record.actor());
                insert.setString(4, record.requestId());
                insert.setString(5, record.method());
                insert.setString(6, record.route());
                insert.setInt(7, record.status());
                insert.setLong(8, record.latencyMillis());
                if (record.runId() == null) {
                    insert.setNull(9, Types.BIGINT);
                } else {
                    insert.setLong(9, record.runId());
                }
                insert.setTimestamp(10, Timestamp.from(record.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ApplicationStopping stopping) {
        stop();
    }

    /**
     * Stopping the application (on {@link ApplicationStopping}, while the datasource still works, and again,
     * doing nothing more, at {@code @PreDestroy}): the queued records are written first, for a few seconds at
     * most.
     */
    @PreDestroy
    void stop() {
        if (!writer.drainAndStop(Duration.ofSeconds(5))) {
            LOG.warning("Stopping: could not write every queued audit record within 5 s");
        }
    }
}
