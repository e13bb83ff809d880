package org.switchboard.web.runs;

import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RunSubscriber;
import org.switchboard.web.platform.EventStream;

/**
 * Relays a run's native events as SSE: {@code id: <seq>}, {@code event: <type>}, {@code data: <json>}. The
 * stream closes after the terminal event; a client that reconnects with {@code Last-Event-ID} picks up at
 * the next seq.
 */
final class NativeEventStream implements RunSubscriber {
    private final EventStream out;
    private boolean gone;

    NativeEventStream(EventStream out) {
        this.out = out;
    }

    @Override
    public void onEvent(LogEntry entry) {
        if (!gone) {
            String frame =
                    "id: " + entry.seq() + "\nevent: " + entry.type().wireName() + "\ndata: " + entry.data() + "\n\n";
            gone = !out.write(frame);
        }
        if (entry.type().isTerminal()) {
            out.close();
        }
    }
}
