package org.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.switchboard.launcher.DevKeys;
import org.switchboard.launcher.DevTokens;
import org.switchboard.launcher.EmbeddedDatabase;

/**
 * What the whole test run shares, started once per run before the first test: the MariaDB the application
 * under test uses (Payara inherits its address from the failsafe environment) and the JWT key pair whose
 * public half the server verifies with.
 */
public class TestStack implements LauncherSessionListener {
    private static final Path HOME = Path.of(System.getProperty("it.home", "target/it-home"));
    private static final int DB_PORT = Integer.getInteger("it.db.port", 24306);
    private static final String DB_PASSWORD = System.getProperty("it.db.password", "switchboard-it");

    private static EmbeddedDatabase database;
    private static DevKeys keys;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            keys = DevKeys.loadOrCreate(HOME);
            startDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopDatabase();
    }

    public static synchronized void startDatabase() throws IOException {
        if (database == null) {
            database = EmbeddedDatabase.start(HOME, DB_PORT, DB_PASSWORD);
        }
    }

    public static synchronized void stopDatabase() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                database = null;
            }
        }
    }

    /** A direct connection to the application's database, for asserting what was stored. */
    public static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + DB_PORT + "/switchboard", "switchboard", DB_PASSWORD);
    }

    public static URI baseUri() {
        return URI.create("http://localhost:" + Integer.getInteger("it.http.port", 24080));
    }

    public static String token(String tenant, String user, String... roles) {
        return DevTokens.mint(keys.privateKey(), tenant, user, Set.of(roles), Duration.ofHours(1));
    }

    public static DevKeys keys() {
        return keys;
    }

    public static String adminPassword() {
        return System.getProperty("it.admin.password", "it-console-password");
    }
}
