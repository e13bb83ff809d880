package org.switchboard.core.runs.entity;

/**
 * One event of a run's log as clients see it: {@code data} is the event's JSON, serialised once and
 * reused for the database, SSE and polling.
 */
public record LogEntry(long runId, int seq, EventType type, String data) {
    private static final String DELTA_PREFIX = "{\"text\":";

    /**
     * The text of a {@code delta} event as a JSON string literal (quotes and escapes included), taken from
     * {@code data} without parsing it: relays splice it into their own dialect on the per-token path.
     */
    public String deltaTextLiteral() {
        if (type != EventType.DELTA || !data.startsWith(DELTA_PREFIX) || !data.endsWith("}")) {
            throw new IllegalStateException("Not a delta event: " + type);
        }
        return data.substring(DELTA_PREFIX.length(), data.length() - 1);
    }

    /** The text a run generated: its delta events' texts, in order. */
    public static String outputOf(java.util.List<LogEntry> events) {
        StringBuilder output = new StringBuilder();
        for (LogEntry entry : events) {
            if (entry.type == EventType.DELTA) {
                try (var reader =
                        org.switchboard.core.platform.JsonP.createReader(new java.io.StringReader(entry.data))) {
                    output.append(reader.readObject().getString("text"));
                }
            }
        }
        return output.toString();
    }
}
