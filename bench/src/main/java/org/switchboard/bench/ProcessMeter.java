package org.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of one process, read from /proc (Linux). */
final class ProcessMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    /** User plus system CPU time the process has used so far, in milliseconds. */
    double cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/stat", e);
        }
    }

    /**
     * CPU time, in milliseconds, of the process's threads whose name starts with {@code prefix} (Linux keeps the
     * first 15 characters of a thread's name), such as {@code "C2 CompilerThre"} for the JIT compiler.
     */
    double threadCpuMillis(String... prefixes) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            double millis = 0;
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        millis += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
                        break;
                    }
                }
            }
            return millis;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc/" + pid + "/task", e);
        }
    }

    /** Resident set size now ({@code VmRSS}) or at its peak ({@code VmHWM}), in MiB. */
    double memoryMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/status", e);
        }
    }
}
