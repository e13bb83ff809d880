package org.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Bytes Payara's threads allocated during a phase, from their allocation counters (the ones
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} reads: exact to the byte, TLAB included) as JFR
 * reports them in {@code jdk.ThreadAllocationStatistics}: a recording with only that event, at period
 * {@code everyChunk}, emits every live thread's counter when it starts and again when it stops. A thread's
 * allocation is the difference; a thread started during the phase counts whole; one that ended during the phase
 * is lost (counted in {@link Result#threadsEnded}).
 *
 * <p>Started and stopped with {@code jcmd}; the first recording in a JVM loads JFR (tens of MB of native and
 * class memory), so the benchmark uses it only after the phases whose RSS it reports.
 */
final class ThreadAllocation {
    private static final String NAME = "bench-allocation";
    private static final String EVENT = "jdk.ThreadAllocationStatistics";
    private static final String SETTINGS =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="bench allocation" description="Per-thread allocation counters only">
              <event name="jdk.ThreadAllocationStatistics">
                <setting name="enabled">true</setting>
                <setting name="period">everyChunk</setting>
              </event>
            </configuration>
            """;

    private final Jcmd jcmd;
    private final Path folder;

    ThreadAllocation(Jcmd jcmd, Path folder) {
        this.jcmd = jcmd;
        this.folder = folder.toAbsolutePath();
    }

    /** What the threads allocated between {@link #start()} and {@link #stop()}. */
    record Result(long bytes, int threads, int threadsEnded) {}

    void start() throws IOException {
        Files.createDirectories(folder);
        Path settings = folder.resolve("allocation.jfc");
        Files.writeString(settings, SETTINGS);
        jcmd.run("JFR.start", "name=" + NAME, "settings=" + settings);
    }

    Result stop() throws IOException {
        Path recording = folder.resolve("allocation.jfr");
        Files.deleteIfExists(recording);
        jcmd.run("JFR.stop", "name=" + NAME, "filename=" + recording);
        // per Java thread id: first and last counter and when each was read
        Map<Long, long[]> counters = new HashMap<>();
        Map<Long, Instant[]> times = new HashMap<>();
        Instant first = null;
        Instant last = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!EVENT.equals(event.getEventType().getName()) || event.getThread("thread") == null) {
                continue;
            }
            long thread = event.getThread("thread").getJavaThreadId();
            long allocated = event.getLong("allocated");
            Instant at = event.getStartTime();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            long[] range = counters.computeIfAbsent(thread, id -> new long[] {allocated, allocated});
            Instant[] when = times.computeIfAbsent(thread, id -> new Instant[] {at, at});
            if (at.isBefore(when[0])) {
                range[0] = allocated;
                when[0] = at;
            }
            if (!at.isBefore(when[1])) {
                range[1] = allocated;
                when[1] = at;
            }
        }
        if (first == null) {
            throw new IllegalStateException("No " + EVENT + " in " + recording);
        }
        if (java.time.Duration.between(first, last).toMillis() < 500) {
            throw new IllegalStateException(
                    EVENT + " was emitted once, not at the start and at the end of " + recording);
        }
        // the two emissions are a phase apart; a thread's reading belongs to the first when it is nearer to it
        Instant middle =
                first.plusMillis(java.time.Duration.between(first, last).toMillis() / 2);
        long bytes = 0;
        int ended = 0;
        for (var entry : counters.entrySet()) {
            long[] range = entry.getValue();
            Instant[] when = times.get(entry.getKey());
            boolean atStart = when[0].isBefore(middle);
            boolean atEnd = !when[1].isBefore(middle);
            if (atStart && atEnd) {
                bytes += range[1] - range[0];
            } else if (atEnd) {
                bytes += range[1]; // started during the phase
            } else {
                ended++;
            }
        }
        Files.deleteIfExists(recording);
        return new Result(bytes, counters.size(), ended);
    }
}
