package org.switchboard.web.platform;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * The frames of one {@link EventStream} that its connection has not taken yet, in order. What waited for the
 * stream's start is a replay of the log so far, which may be large and is not a sign of a slow client: it is
 * allowed on top of the backlog limit until it has gone out. Not thread-safe: its stream holds the lock.
 */
final class FrameBacklog {
    private static final int MAX_WRITE = 64 * 1024;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private long bytes;
    private long replayBytes;

    void add(byte[] frame) {
        frames.add(frame);
        bytes += frame.length;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    /** What waits now is the replay. */
    void markReplay() {
        replayBytes = bytes;
    }

    /** Whether the client is more than {@code limit} bytes behind, not counting a replay still going out. */
    boolean exceeds(long limit) {
        return bytes > limit + replayBytes;
    }

    /**
     * The waiting frames, joined, up to {@value #MAX_WRITE} bytes (at least one frame): one write and one flush
     * per readiness check, which the container then queues without blocking whatever its size.
     */
    byte[] take() {
        byte[] first = frames.poll();
        bytes -= first.length;
        byte[] taken = first;
        if (!frames.isEmpty() && first.length + frames.peek().length <= MAX_WRITE) {
            var joined = new ByteArrayOutputStream(Math.min(MAX_WRITE, first.length + (int) bytes));
            joined.writeBytes(first);
            while (!frames.isEmpty() && joined.size() + frames.peek().length <= MAX_WRITE) {
                byte[] frame = frames.poll();
                bytes -= frame.length;
                joined.writeBytes(frame);
            }
            taken = joined.toByteArray();
        }
        replayBytes = Math.max(0, replayBytes - taken.length); // the replay goes out first
        return taken;
    }

    void clear() {
        frames.clear();
        bytes = 0;
    }
}
