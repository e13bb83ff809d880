package org.switchboard.core.runs.entity;

/**
 * A consumer of one run's events (an SSE stream, a waiting request). Called in seq order, once per event,
 * never concurrently for one subscriber. It must not block for long: it runs on the log writer's thread.
 */
@FunctionalInterface
public interface RunSubscriber {
    void onEvent(LogEntry entry);
}
