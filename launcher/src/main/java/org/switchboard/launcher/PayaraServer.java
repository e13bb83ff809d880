package org.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Payara Server's {@code domain1}, driven through {@code asadmin} with a deadline on every call: a failed
 * start can leave a server JVM hanging, so leftovers are ended by the domain's pid file. The application is
 * undeployed before every stop, so that the next start loads nothing: Payara 6's {@code start-domain} returns
 * before it has loaded the deployed applications, a {@code deploy} that overlaps that loading fails
 * (payara/Payara#6453), and this EAR does not load a second time in the same server JVM.
 */
final class PayaraServer {
    static final String DOMAIN = "domain1";
    static final String APP_NAME = "switchboard";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration KILL_GRACE = Duration.ofSeconds(20);
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int SOCKET_WRITE_BUFFER_SIZE = 16384;
    static final String RESPONSE_BUFFER_SIZE = "org.glassfish.grizzly.http.io.OutputBuffer.default-buffer-size";
    static final int RESPONSE_BUFFER_BYTES = 2048;

    private final Path home;

    PayaraServer(Path home) {
        this.home = home;
    }

    Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    /** The server JVM environment: the application reads its MicroProfile Config from it. */
    void start(Map<String, String> environment) {
        if (!home.resolve("bin/asadmin").toFile().canExecute()) {
            throw new LaunchFailed("No Payara Server at " + home + ": build first (mvn -B install -DskipTests)");
        }
        ensureCommonPoolParallelism();
        ensureSmallResponseBuffers();
        ensureSlowPerfDataSampling();
        ensureBoundedWriteQueues();
        ensureDataGridOff();
        asadmin(START_TIMEOUT, environment, "start-domain", DOMAIN);
    }

    /**
     * The JDK's HTTP client (the provider adapters) completes every {@code sendAsync} on
     * {@code CompletableFuture}'s default executor, which is a new thread per task when the common fork-join
     * pool has one thread (the JVM's default on a machine with two cores): a thread started and ended per
     * upstream request. The domain gets a common pool of at least two threads. Written into the domain's
     * configuration once, before the server starts.
     */
    void ensureCommonPoolParallelism() {
        ensureSystemProperty(
                COMMON_POOL_PARALLELISM,
                Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
    }

    /**
     * Grizzly's response buffer starts at 2 KB instead of 8 KB. An SSE frame is flushed on its own, and after each
     * flush Grizzly allocates a fresh buffer of this size for the next write (a thread that is not one of its own
     * has no buffer pool): at 8 KB that was most of the half megabyte a streamed run allocated on the publishing
     * thread (JFR thread allocation counters). A servlet that asks for a bigger buffer still gets it (the
     * container only ever grows it), and a write of at least this size goes out from its own bytes. Written into
     * the domain's configuration once, before the server starts.
     */
    void ensureSmallResponseBuffers() {
        ensureSystemProperty(RESPONSE_BUFFER_SIZE, Integer.toString(RESPONSE_BUFFER_BYTES));
    }

    /**
     * The JVM samples its performance counters (what {@code jstat} reads) every 50 ms by default: a wake-up twenty
     * times a second that was the largest single item of an idle server's CPU after the JIT compiler (issue 17).
     * Once a second is plenty for {@code jstat}; {@code jcmd} does not depend on it.
     */
    void ensureSlowPerfDataSampling() {
        ensureJvmOption("-XX:PerfDataSamplingInterval=", "1000");
    }

    /** Adds {@code -Dname=value} to the server's JVM options unless the domain already sets {@code name}. */
    private void ensureSystemProperty(String name, String value) {
        ensureJvmOption("-D" + name + "=", value);
    }

    /** Adds the JVM option {@code key + value} unless the domain already has an option starting with {@code key}. */
    private void ensureJvmOption(String key, String value) {
        Path config = domainDir().resolve("config/domain.xml");
        try {
            String domain = Files.readString(config);
            if (domain.contains("<jvm-options>" + key)) {
                return;
            }
            var javaConfig = Pattern.compile("<java-config\\b[^>]*>").matcher(domain);
            if (!javaConfig.find()) {
                throw new LaunchFailed("No <java-config> in " + config);
            }
            Files.writeString(
                    config,
                    domain.substring(0, javaConfig.end())
                            + "\n        <jvm-options>" + key + value + "</jvm-options>"
                            + domain.substring(javaConfig.end()));
        } catch (IOException e) {
            throw new LaunchFailed("Could not configure " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the HTTP transport a socket write buffer size ({@value #SOCKET_WRITE_BUFFER_SIZE} bytes). Grizzly
     * queues at most four times that many bytes for a client that does not read before its writers see the
     * connection as not ready; left unset, it takes the socket's send buffer at accept time, which on loopback
     * (a proxy on the same host) is a few MB, and each small queued SSE frame pins a buffer of 8 KB: one client
     * that stopped reading during a long run could fill the heap before Switchboard saw it fall behind. Written
     * into the domain's configuration once, before the server starts.
     */
    void ensureBoundedWriteQueues() {
        Path config = domainDir().resolve("config/domain.xml");
        try {
            String domain = Files.readString(config);
            String bounded = Pattern.compile("<transport name=\"tcp\"(?![^>]*socket-write-buffer-size)")
                    .matcher(domain)
                    .replaceAll(
                            "<transport name=\"tcp\" socket-write-buffer-size=\"" + SOCKET_WRITE_BUFFER_SIZE + "\"");
            if (!bounded.equals(domain)) {
                Files.writeString(config, bounded);
            }
        } catch (IOException e) {
            throw new LaunchFailed("Could not configure " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * Turns Payara's Domain Data Grid (an embedded Hazelcast member) off. Switchboard shares nothing through it:
     * instances coordinate through the database (leases, the routing version), its timers are not persistent and it
     * has no HTTP sessions to replicate but the console's, which stay on the instance that signed the operator in.
     * Left on, the member's own threads cost CPU every second while the server is idle and tens of MB of memory
     * (issue 17). Written into the domain's configuration once, before the server starts.
     */
    void ensureDataGridOff() {
        Path config = domainDir().resolve("config/domain.xml");
        try {
            String domain = Files.readString(config);
            String off = Pattern.compile("<hazelcast-config-specific-configuration(?![^>]*enabled=)")
                    .matcher(domain)
                    .replaceAll("<hazelcast-config-specific-configuration enabled=\"false\"");
            if (!off.equals(domain)) {
                Files.writeString(config, off);
            }
        } catch (IOException e) {
            throw new LaunchFailed("Could not configure " + config + ": " + e.getMessage(), e);
        }
    }

    void deploy(Path ear) {
        if (!ear.toFile().isFile()) {
            throw new LaunchFailed("No application archive at " + ear + ": the build did not produce it");
        }
        asadmin(DEPLOY_TIMEOUT, Map.of(), "deploy", "--force=true", "--name", APP_NAME, ear.toString());
    }

    /** Stops the domain if its server JVM is alive: undeploy, {@code stop-domain}, then the pid file. */
    boolean stop() {
        Optional<ProcessHandle> server = runningServer();
        if (server.isEmpty()) {
            return false;
        }
        Processes.run(command("undeploy", APP_NAME), Map.of(), STOP_TIMEOUT); // fails harmlessly if not deployed
        Processes.Result result = Processes.run(command("stop-domain", DOMAIN), Map.of(), STOP_TIMEOUT);
        server.filter(ProcessHandle::isAlive).ifPresent(jvm -> {
            System.out.println(
                    "asadmin stop-domain did not end the server (" + result.output() + "); ending pid " + jvm.pid());
            Processes.terminate(jvm, KILL_GRACE);
        });
        return true;
    }

    /** True when the domain still lists the application (an unclean stop): starting loads it in the background. */
    boolean loadsApplicationOnStart() {
        try {
            String domain = Files.readString(domainDir().resolve("config/domain.xml"));
            return Pattern.compile("<application\\s[^>]*name=\"" + APP_NAME + "\"")
                    .matcher(domain)
                    .find();
        } catch (IOException e) {
            return false;
        }
    }

    Optional<ProcessHandle> runningServer() {
        return Processes.fromPidFile(domainDir().resolve("config/pid"), home.toString());
    }

    private void asadmin(Duration timeout, Map<String, String> environment, String... args) {
        Processes.Result result = Processes.run(command(args), environment, timeout);
        if (!result.succeeded()) {
            String outcome = result.exitCode() < 0
                    ? "did not finish within " + timeout.toSeconds() + " s"
                    : "failed (exit code " + result.exitCode() + ")";
            throw new LaunchFailed(
                    "asadmin " + args[0] + " " + outcome + ":\n" + result.output() + "\nSee " + serverLog());
        }
    }

    private List<String> command(String... args) {
        List<String> command =
                new ArrayList<>(List.of(home.resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(args));
        return command;
    }

    private Path domainDir() {
        return home.resolve("glassfish/domains").resolve(DOMAIN);
    }
}
