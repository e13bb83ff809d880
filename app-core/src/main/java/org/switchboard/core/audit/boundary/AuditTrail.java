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
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.switchboard.core.audit.entity.AuditRecord;
import org.switchboard.core.platform.ApplicationStopping;
import org.switchboard.core.platform.BatchWriter;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.Ids;

/**
 * Appends audit rows. The request being audited does not wait for the write: records go into a queue and
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
