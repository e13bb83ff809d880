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
