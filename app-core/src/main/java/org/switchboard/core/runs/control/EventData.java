package org.switchboard.core.runs.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;

/** Builds the small JSON payloads of the native run events (SPEC §10). Ids are strings. */
final class EventData {
    static final String PROBLEM_BASE = "urn:switchboard:problem:";

    private EventData() {}

    static String run(Run run) {
        return JsonP.createObjectBuilder()
                .add("id", Long.toString(run.id()))
                .add("status", run.status().wireName())
                .add("model", run.model())
                .add("created_at", run.createdAt().toString())
                .build()
                .toString();
    }

    static String delta(String text) {
        // The hot path: one small object per token, escaped by JSON-P's own string writer.
        return "{\"text\":" + JsonP.createValue(text) + "}";
    }

    static String usage(Usage usage) {
        return usageJson(usage).build().toString();
    }

    static String done(Usage usage) {
        return JsonP.createObjectBuilder()
                .add("status", RunStatus.COMPLETED.wireName())
                .add("usage", usageJson(usage))
                .build()
                .toString();
    }

    /** An RFC 9457 problem plus the run's final status, as carried by an {@code error} event. */
    static String error(String type, String title, String detail, RunStatus status) {
        JsonObject problem = JsonP.createObjectBuilder()
                .add("type", PROBLEM_BASE + type)
                .add("title", title)
                .add("detail", detail)
                .add("status", status.wireName())
                .build();
        return problem.toString();
    }

    private static JsonObjectBuilder usageJson(Usage usage) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("input_tokens", usage.inputTokens())
                .add("output_tokens", usage.outputTokens())
                .add("estimated", usage.estimated());
        return usage.cost() == null ? json : json.add("cost", usage.cost());
    }
}
