package org.switchboard.core.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned migrations of the {@code db} module when the application starts. A database
 * that is down at deploy time does not fail the deploy: readiness stays down and the migration is
 * retried every few seconds until it succeeds.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits its own work.
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final long RETRY_MILLIS = 5_000;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    TimerService timers;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<SchemaReady> ready;

    private volatile boolean migrated;

    @PostConstruct
    void start() {
        if (!migrate()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("schema-migration", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (migrate()) {
            timer.cancel();
        }
    }

    public boolean isMigrated() {
        return migrated;
    }

    private boolean migrate() {
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migrations applied now)");
            migrated = true;
            ready.fire(new SchemaReady());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Schema migration failed; retrying in " + RETRY_MILLIS + " ms: " + e.getMessage());
        }
        return migrated;
    }
}
