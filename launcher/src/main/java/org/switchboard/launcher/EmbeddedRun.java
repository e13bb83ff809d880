package org.switchboard.launcher;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./switchboard run}: the database (embedded MariaDB unless one is configured), the dev secrets,
 * Payara Server with the application's configuration in its environment, the EAR, and a wait until the
 * application reports ready. A JVM shutdown hook stops what was started, Payara before the database.
 */
final class EmbeddedRun {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LEFTOVER_LOAD_TIMEOUT = Duration.ofSeconds(90);
    private static final URI READINESS = URI.create(Settings.BASE_URL + "/health/ready");
    private static final URI LIVENESS = URI.create(Settings.BASE_URL + "/health/live");

    private final Settings settings;
    private final Teardown teardown = new Teardown();
    private final Instant began = Instant.now();
    private java.nio.file.Path masterKeyFile;

    EmbeddedRun(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns once the application is ready; the JVM's exit stops it again. */
    void start() throws IOException {
        try {
            startAll();
        } catch (LaunchFailed e) {
            if (!teardown.stopping()) {
                throw e;
            }
            // Ctrl-C during the start: the step failed because the shutdown hook is stopping everything.
        }
    }

    private void startAll() throws IOException {
        LauncherPid pid = claimPidFile();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pid), "switchboard-stop"));
        DevKeys keys = DevKeys.loadOrCreate(settings.home());
        masterKeyFile = Secrets.masterKey(settings.home().resolve("master.key"));
        String adminPassword = settings.adminPassword();
        PayaraServer payara = new PayaraServer(settings.payaraHome());
        stopLeftovers(payara);
        DatabaseConnection db = database();
        startPayara(payara, environment(db, keys, adminPassword));
        say("Deploying " + settings.show(settings.ear()) + " …");
        payara.deploy(settings.ear());
        say("Waiting until " + READINESS + " answers 200 …");
        new ReadinessProbe(READINESS).await(READY_TIMEOUT, settings.show(payara.serverLog()));
        say("Ready.");
        String token = DevTokens.mint(keys.privateKey(), "demo", "demo-user", Set.of("user"), Duration.ofHours(12));
        Banner.print(System.out, settings, db, adminPassword, token);
    }

    private LauncherPid claimPidFile() throws IOException {
        LauncherPid pid = new LauncherPid(settings.home());
        Optional<ProcessHandle> other = pid.running();
        if (other.isPresent()) {
            throw new LaunchFailed(
                    "Switchboard already runs (launcher pid " + other.get().pid() + "); ./switchboard stop ends it");
        }
        pid.write();
        return pid;
    }

    private void stop(LauncherPid pid) {
        teardown.run();
        try {
            pid.delete();
        } catch (IOException e) {
            System.err.println("Could not delete the launcher pid file: " + e.getMessage());
        }
        say("Stopped.");
    }

    private DatabaseConnection database() throws IOException {
        Optional<DatabaseConnection> external = settings.externalDatabase();
        if (external.isPresent()) {
            say("Using the database at " + external.get().url() + " (SWITCHBOARD_DB_URL)");
            return external.get();
        }
        Ports.requireFree(settings.dbPort(), "the embedded MariaDB (SWITCHBOARD_DB_PORT chooses another port)");
        say("Starting MariaDB on port " + settings.dbPort() + " …");
        EmbeddedDatabase db;
        try (var starting = teardown.starting()) {
            db = EmbeddedDatabase.startUntilClosed(settings.home(), settings.dbPort());
            teardown.add("MariaDB", db::close);
        }
        return DatabaseConnection.of(
                db, "embedded MariaDB, data in " + settings.show(EmbeddedDatabase.dataDir(settings.home())));
    }

    /** What a run that did not stop cleanly left behind, in the order a clean stop would have ended it. */
    private void stopLeftovers(PayaraServer payara) {
        if (payara.stop()) {
            say("Stopped a Payara domain left running by an earlier run");
        }
        if (EmbeddedDatabase.stopStale(settings.home())) {
            say("Stopped a MariaDB left running by an earlier run");
        }
    }

    private void startPayara(PayaraServer payara, Map<String, String> environment) {
        Ports.requireFree(Settings.HTTP_PORT, "Payara Server");
        Ports.requireFree(Settings.ADMIN_PORT, "Payara Server's admin listener");
        try (var starting = teardown.starting()) {
            teardown.add("Payara Server", payara::stop); // first: a start that fails half-way is stopped too
            if (payara.loadsApplicationOnStart()) {
                removeLeftoverDeployment(payara, environment);
            }
            say("Starting Payara Server (" + PayaraServer.DOMAIN + ") …");
            payara.start(environment);
        }
    }

    /**
     * A server JVM that has loaded the application once cannot load it again (the redeployed EAR fails to
     * start), so a deployment left behind by an unclean stop is removed in a server of its own: start, let it
     * finish loading, undeploy, stop. The real start then deploys into a fresh server.
     */
    private void removeLeftoverDeployment(PayaraServer payara, Map<String, String> environment) {
        say("Removing the deployment an unclean stop left behind (start, undeploy, stop) …");
        payara.start(environment);
        new ReadinessProbe(LIVENESS).awaitQuietly(LEFTOVER_LOAD_TIMEOUT);
        payara.stop();
    }

    /** The application's MicroProfile Config, as environment variables the server JVM inherits. */
    private Map<String, String> environment(DatabaseConnection db, DevKeys keys, String adminPassword) {
        Map<String, String> env = new LinkedHashMap<>(db.environment());
        env.put(
                "SWITCHBOARD_JWT_PUBLIC_KEY_LOCATION",
                keys.publicKeyPem().toAbsolutePath().toString());
        env.put("SWITCHBOARD_ADMIN_PASSWORD", adminPassword);
        // glibc gives each thread that allocates natively an arena of its own (up to 8 per core) and keeps what is
        // freed in it: in a JVM of a few hundred threads that is resident memory nobody uses (issue 17's memory
        // target). Two arenas are plenty for what the JVM allocates outside its heap.
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        if (System.getenv("SWITCHBOARD_KEYS_MASTER_KEY") == null
                && System.getenv("SWITCHBOARD_KEYS_MASTER_KEY_FILE") == null) {
            env.put(
                    "SWITCHBOARD_KEYS_MASTER_KEY_FILE",
                    masterKeyFile.toAbsolutePath().toString());
        }
        return env;
    }

    private void say(String line) {
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        System.out.printf("[%3d s] %s%n", seconds, line);
    }
}
