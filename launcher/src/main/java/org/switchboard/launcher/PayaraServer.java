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
        new DomainConfig(domainDir()).apply();
        asadmin(START_TIMEOUT, environment, "start-domain", DOMAIN);
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
