package org.switchboard.core.routing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.core.platform.Database;

/**
 * The routing version every instance polls ({@code routing_version}, bumped by every routing change), read with
 * one plain JDBC statement: the poll runs twice a second on every instance, busy or idle, and through the EJB and
 * persistence-context machinery it cost an idle server about 2 ms of CPU per poll (issue 17's idle target).
 */
@ApplicationScoped
public class RoutingVersion {
    private static final String SELECT = "SELECT version FROM routing_version WHERE id = 1";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** The version now; a database failure is thrown as the {@link SQLException}. */
    long current() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT);
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("routing_version has no row 1");
            }
            return row.getLong(1);
        }
    }
}
