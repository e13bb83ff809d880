package org.switchboard.core.runs.entity;

import java.util.List;

/** A run and the durable events of its log, read at one moment. */
public record RunSnapshot(RunView run, List<LogEntry> events) {
    public List<LogEntry> after(int seq) {
        return events.stream().filter(event -> event.seq() > seq).toList();
    }
}
