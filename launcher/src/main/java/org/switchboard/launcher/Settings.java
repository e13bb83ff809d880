package org.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the embedded run keeps things and which ports it uses: the repository layout under {@code root}
 * plus the {@code SWITCHBOARD_*} environment (home directory, database port, an external database).
 */
record Settings(Path root, Path home, int dbPort, Map<String, String> env) {
    static final int HTTP_PORT = 8080;
    static final int ADMIN_PORT = 4848;
    static final String BASE_URL = "http://localhost:" + HTTP_PORT;

    static Settings of(Path root, Map<String, String> env) {
        Path home = root.resolve(env.getOrDefault("SWITCHBOARD_HOME", ".switchboard"));
        int dbPort = Integer.parseInt(env.getOrDefault("SWITCHBOARD_DB_PORT", "3307"));
        return new Settings(
                root.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), dbPort, env);
    }

    Path payaraHome() {
        return root.resolve("launcher/target/payara/payara6");
    }

    Path ear() {
        return root.resolve("app-ear/target/switchboard.ear");
    }

    /** The database given by the environment; empty means: start the embedded MariaDB. */
    Optional<DatabaseConnection> externalDatabase() {
        return Optional.ofNullable(env.get("SWITCHBOARD_DB_URL"))
                .filter(url -> !url.isBlank())
                .map(url -> new DatabaseConnection(
                        url, env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"), "external"));
    }

    /** The console password: {@code SWITCHBOARD_ADMIN_PASSWORD}, else the one generated on first run. */
    String adminPassword() throws IOException {
        String configured = env.get("SWITCHBOARD_ADMIN_PASSWORD");
        return configured != null && !configured.isBlank()
                ? configured
                : Secrets.loadOrCreate(home.resolve("admin-password"));
    }

    /** A path as the user should read it: relative to the repository when it lies inside. */
    String show(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
