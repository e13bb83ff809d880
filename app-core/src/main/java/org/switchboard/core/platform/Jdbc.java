package org.switchboard.core.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A local JDBC transaction on a pooled connection of its own, for the writers that keep the EJB, JTA and
 * persistence-context machinery off their path. Callers run outside any JTA transaction.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Work done on one connection; what it returns is returned once it has committed. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs {@code work} and commits, or rolls back on any failure. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return inTransaction(dataSource, -1, work);
    }

    /**
     * Runs {@code work} at the given {@link Connection} isolation level ({@code -1}: the connection's own) and
     * commits, or rolls back on any failure; the connection goes back to the pool as it came.
     */
    public static <T> T inTransaction(DataSource dataSource, int isolation, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int before = isolation >= 0 ? connection.getTransactionIsolation() : -1;
            connection.setAutoCommit(false);
            if (isolation >= 0) {
                connection.setTransactionIsolation(isolation);
            }
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                if (isolation >= 0) {
                    connection.setTransactionIsolation(before);
                }
                connection.setAutoCommit(true);
            }
        }
    }
}
