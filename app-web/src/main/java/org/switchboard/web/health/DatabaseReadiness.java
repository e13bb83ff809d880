package org.switchboard.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.SchemaMigration;

/** Ready only while the database answers and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("schema-migrated", schema.isMigrated());
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return response.status(valid && schema.isMigrated()).build();
        } catch (SQLException e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
