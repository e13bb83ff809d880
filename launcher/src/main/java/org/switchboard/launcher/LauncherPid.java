package org.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The pid file of a running launcher in the home directory: {@code ./switchboard stop} signals that JVM. */
final class LauncherPid {
    private static final String MARKER = Launcher.class.getName();

    private final Path file;

    LauncherPid(Path home) {
        this.file = home.resolve("launcher.pid");
    }

    Optional<ProcessHandle> running() {
        return Processes.fromPidFile(file, MARKER)
                .filter(process -> process.pid() != ProcessHandle.current().pid());
    }

    void write() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
