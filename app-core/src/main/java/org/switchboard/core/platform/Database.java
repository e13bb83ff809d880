package org.switchboard.core.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The application's one datasource. Values come from MicroProfile Config (environment variables
 * SWITCHBOARD_DB_URL, SWITCHBOARD_DB_USER, SWITCHBOARD_DB_PASSWORD) through Payara's variable
 * substitution, so the same EAR runs on the embedded MariaDB and on an external MySQL 8.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=switchboard.db.url}",
        user = "${MPCONFIG=switchboard.db.user}",
        password = "${MPCONFIG=switchboard.db.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            // Validating on every checkout cost a round trip per statement on the token path; once per
            // connection every 2 s still finds a restarted database before the next burst of work.
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true",
            "rewriteBatchedStatements=true",
            "cachePrepStmts=true",
            "useServerPrepStmts=false",
            "useLocalSessionState=true", // no round trip for an autocommit/isolation change that changes nothing
            "openTelemetry=DISABLED", // no span per statement (Payara ships OpenTelemetry; the driver would use it)
            "connectionTimeZone=UTC",
            "forceConnectionTimeZoneToSession=true"
        })
@Singleton
@jakarta.ejb.Startup // created at deploy: a singleton first created by a timer tick during undeploy breaks it
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/switchboard";

    @Inject
    Event<ApplicationStopping> stopping;

    /**
     * Payara undeploys the datasource right after this singleton is destroyed, and before the CDI beans' own
     * {@code @PreDestroy} methods run: the writers that queue rows drain here, while it still works.
     */
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the writers commit on their own threads
    void stop() {
        stopping.fire(new ApplicationStopping());
    }
}
