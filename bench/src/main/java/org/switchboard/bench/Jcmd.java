package org.switchboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Diagnostic commands sent to Payara's JVM with the JDK's {@code jcmd} (same user, local attach). */
final class Jcmd {
    /** {@code GC.heap_info}'s first line, e.g. {@code garbage-first heap   total 524288K, used 123456K [...]}. */
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final long pid;

    Jcmd(long pid) {
        this.pid = pid;
    }

    /** Runs one command and returns its output; fails if jcmd does. */
    String run(String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Java heap in use right after a full collection ({@code GC.run}, i.e. {@code System.gc()}: G1 collects
     * the whole heap, so what remains is what is reachable), in KiB.
     */
    long heapUsedAfterGcKiB() {
        run("GC.run");
        Matcher used = HEAP_USED.matcher(run("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("No heap usage in GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }
}
