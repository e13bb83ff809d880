package org.switchboard.core.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned migrations of the {@code db} module when the application starts. A database
 * that is down at deploy time does not fail the deploy: readiness stays down and the migration is
 * retried every few seconds ({@link Ticker}, through the business proxy) until it succeeds.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits its own work.
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    SessionContext context;

    @jakarta.inject.Inject
    Ticker ticker;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<SchemaReady> ready;

    private volatile boolean migrated;
    private volatile ScheduledFuture<?> retries;

    @PostConstruct
    void start() {
        if (!migrate()) {
            retries = ticker.retry(
                    "Schema migration retry", RETRY_EVERY, context.getBusinessObject(SchemaMigration.class)::retry);
        }
    }

    /** The retry tick: migrates unless done; {@code true} once the schema is there, which ends the retries. */
    public boolean retry() {
        return migrated || migrate();
    }

    @PreDestroy
    void stop() {
        if (retries != null) {
            retries.cancel(false);
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
            LOG.log(Level.WARNING, "Schema migration failed; retrying in " + RETRY_EVERY + ": " + e.getMessage());
        }
        return migrated;
    }
}
