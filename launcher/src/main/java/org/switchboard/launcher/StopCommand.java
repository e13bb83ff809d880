package org.switchboard.launcher;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./switchboard stop}: signals the running launcher, whose shutdown hook stops Payara and then
 * MariaDB; then ends whatever an earlier, crashed run left behind (a domain, a database).
 */
final class StopCommand {
    private static final Duration LAUNCHER_GRACE = Duration.ofMinutes(3);

    private StopCommand() {}

    static void stop(Settings settings) {
        boolean stoppedAny = false;
        Optional<ProcessHandle> launcher = new LauncherPid(settings.home()).running();
        if (launcher.isPresent()) {
            System.out.println(
                    "Stopping the launcher (pid " + launcher.get().pid() + "), which stops what it started …");
            Processes.terminate(launcher.get(), LAUNCHER_GRACE);
            stoppedAny = true;
        }
        if (new PayaraServer(settings.payaraHome()).stop()) {
            System.out.println("Stopped a Payara domain that no launcher owned");
            stoppedAny = true;
        }
        if (EmbeddedDatabase.stopStale(settings.home())) {
            System.out.println("Stopped a MariaDB that no launcher owned");
            stoppedAny = true;
        }
        System.out.println(stoppedAny ? "Stopped." : "Switchboard is not running.");
    }
}
