package org.switchboard.core.providers.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.core.providers.entity.Usage;

/**
 * {@code /workflows/run}: {@code text_chunk}s from answer/LLM nodes, then {@code workflow_finished} with the
 * outputs. Dify reports only {@code total_tokens} for a run, prompt and completion of every node together:
 * it is reported as output tokens, marked estimated because the split is not Dify's.
 */
final class DifyWorkflowStream extends DifyStream {
    private final String outputKey;

    DifyWorkflowStream(GenerationListener listener, String outputKey) {
        super(listener);
        this.outputKey = outputKey;
    }

    @Override
    void handle(String event, JsonObject json) {
        switch (event) {
            case "text_chunk" -> text(json.getJsonObject("data").getString("text"));
            case "text_replace" -> replace(json.getJsonObject("data").getString("text"));
            case "workflow_finished" -> end(json.getJsonObject("data"));
            case "workflow_paused" -> {
                finished();
                fail(business("The workflow paused for human input, which the gateway cannot give"));
            }
            case "error" -> error(json);
            default -> {} // ping, workflow_started, node_*, iteration_*, loop_*, tts_*
        }
    }

    private void end(JsonObject data) {
        finished();
        String status = data.getString("status", "");
        if (!status.equals("succeeded") && !status.equals("partial-succeeded")) {
            fail(business("The workflow ended " + status + ": " + data.getString("error", "no reason given")));
            return;
        }
        if (!streamed()) {
            text(output(data.get("outputs")));
        }
        if (data.get("total_tokens") instanceof JsonNumber total) {
            usage(new Usage(0, total.intValue(), true));
        }
        complete();
    }

    /** The configured output, else the only string output, else all outputs as JSON. */
    private String output(JsonValue outputs) {
        if (!(outputs instanceof JsonObject all) || all.isEmpty()) {
            return "";
        }
        JsonValue chosen = outputKey == null ? null : all.get(outputKey);
        if (chosen == null && all.size() == 1 && all.values().iterator().next() instanceof JsonString only) {
            chosen = only;
        }
        if (chosen == null) {
            chosen = all;
        }
        return chosen instanceof JsonString text ? text.getString() : chosen == JsonValue.NULL ? "" : chosen.toString();
    }
}
