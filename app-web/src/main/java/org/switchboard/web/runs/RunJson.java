package org.switchboard.web.runs;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RouteAttemptsConverter;
import org.switchboard.core.runs.entity.RunSnapshot;
import org.switchboard.core.runs.entity.RunView;

/**
 * The native JSON of a run (ids as strings), optionally with the events after a cursor. An ended run that made
 * upstream calls lists them as {@code attempts}, each {@code {target, outcome, status?, started_ms, took_ms}}.
 */
final class RunJson {
    private RunJson() {}

    static JsonObject of(RunView run) {
        return builder(run).add("next_after", run.lastSeq()).build();
    }

    /** The run as of the snapshot; an ended-in-error run carries its terminal problem as {@code error}. */
    static JsonObject of(RunSnapshot snapshot) {
        JsonObjectBuilder json =
                builder(snapshot.run()).add("next_after", snapshot.run().lastSeq());
        List<LogEntry> events = snapshot.events();
        if (!events.isEmpty() && events.get(events.size() - 1).type() == EventType.ERROR) {
            json.add(
                    "error",
                    JsonP.createReader(new StringReader(
                                    events.get(events.size() - 1).data()))
                            .readObject());
        }
        return json.build();
    }

    static JsonObject withEvents(RunView run, List<LogEntry> events, int after) {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        int next = after;
        for (LogEntry event : events) {
            array.add(JsonP.createObjectBuilder()
                    .add("seq", event.seq())
                    .add("type", event.type().wireName())
                    .add("data", JsonP.parseObject(event.data())));
            next = event.seq();
        }
        return builder(run).add("events", array).add("next_after", next).build();
    }

    private static JsonObjectBuilder builder(RunView run) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", Long.toString(run.id()))
                .add("object", "run")
                .add("status", run.status().wireName())
                .add("model", run.model())
                .add("owner", run.ownerId())
                .add("created_at", run.createdAt().toString())
                .add("output", run.output())
                .add("last_seq", run.lastSeq());
        if (run.endedAt() != null) {
            json.add("ended_at", run.endedAt().toString());
        }
        if (run.statusReason() != null) {
            json.add("status_reason", run.statusReason());
        }
        if (run.usage() != null) {
            JsonObjectBuilder usage = JsonP.createObjectBuilder()
                    .add("input_tokens", run.usage().inputTokens())
                    .add("output_tokens", run.usage().outputTokens())
                    .add("estimated", run.usage().estimated());
            if (run.usage().cost() != null) {
                usage.add("cost", run.usage().cost());
            }
            json.add("usage", usage);
        }
        if (run.servedBy() != null) {
            json.add(
                    "route",
                    JsonP.createObjectBuilder().add("served_by", run.servedBy()).add("attempts", run.attempts()));
        }
        if (!run.routeAttempts().isEmpty()) { // each call of the route (route.attempts counts them), once ended
            json.add("attempts", RouteAttemptsConverter.json(run.routeAttempts()));
        }
        if (run.upstreamConversationId() != null) {
            json.add("upstream_conversation_id", run.upstreamConversationId());
        }
        return json;
    }
}
