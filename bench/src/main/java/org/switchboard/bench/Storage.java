package org.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The database's size and how many runs it holds, to report the storage a finished request leaves behind.
 *
 * <p>Size is the sum of {@code data_length + index_length} over every table of Switchboard's schema (whatever
 * tables a version has: a table added to hold compacted events counts too), read from
 * {@code information_schema.TABLES} right after {@code ANALYZE TABLE}: for InnoDB these are the pages allocated to
 * each index's segments, counted exactly when the statistics are recomputed (not sampled). Beside it, the sizes of
 * the schema's {@code .ibd} files, which grow in steps of 1 to 4 MB. Either is exact only to a few MB (InnoDB
 * reserves whole extents of 1 MB per index once an index is past 32 pages), so a per-request figure needs
 * thousands of requests between two measurements.
 */
final class Storage implements AutoCloseable {
    private final Connection connection;
    private final Path schemaFolder;

    private Storage(Connection connection, Path schemaFolder) {
        this.connection = connection;
        this.schemaFolder = schemaFolder;
    }

    /**
     * The embedded database of {@code SWITCHBOARD_HOME} (its generated password, port {@code SWITCHBOARD_DB_PORT}
     * or 3307), or {@code null} when there is none to read.
     */
    static Storage embedded() throws IOException, SQLException {
        String home = System.getenv("SWITCHBOARD_HOME");
        if (home == null || home.isBlank()) {
            return null;
        }
        Path mariadb = Path.of(home, "mariadb");
        if (!Files.isRegularFile(mariadb.resolve("password"))) {
            return null;
        }
        String port = System.getenv().getOrDefault("SWITCHBOARD_DB_PORT", "3307");
        Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/switchboard?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "switchboard",
                Files.readString(mariadb.resolve("password")).trim());
        return new Storage(connection, mariadb.resolve("data").resolve("switchboard"));
    }

    /** One measurement: bytes by table (data + indexes), the .ibd files' bytes, and the number of runs. */
    record Size(Map<String, Long> tables, long fileBytes, long runs) {
        long tableBytes() {
            return tables.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Size measure() throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery(
                    "SELECT table_name FROM information_schema.TABLES WHERE table_schema = DATABASE()"
                            + " AND table_type = 'BASE TABLE'")) {
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
            }
            for (String name : names) {
                statement.execute("ANALYZE TABLE `" + name + "`");
            }
            Map<String, Long> sizes = new TreeMap<>();
            try (ResultSet tables = statement.executeQuery(
                    "SELECT table_name, data_length + index_length FROM information_schema.TABLES"
                            + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (tables.next()) {
                    sizes.put(tables.getString(1), tables.getLong(2));
                }
            }
            long runs;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM runs")) {
                count.next();
                runs = count.getLong(1);
            }
            return new Size(sizes, fileBytes(), runs);
        }
    }

    private long fileBytes() throws IOException {
        if (!Files.isDirectory(schemaFolder)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(schemaFolder)) {
            long total = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".ibd")).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
