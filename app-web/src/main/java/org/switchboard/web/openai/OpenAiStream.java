package org.switchboard.web.openai;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RunSubscriber;
import org.switchboard.web.platform.EventStream;

/**
 * Relays a run's events to one client in OpenAI's streaming dialect: {@code data: <chunk>} lines, a final
 * chunk with {@code finish_reason}, the usage chunk when {@code stream_options.include_usage} asked for it,
 * then {@code data: [DONE]}. A failure ends the stream with {@code data: {"error": ...}}, never with [DONE].
 * A client that goes away only stops its own relay: the run goes on.
 */
final class OpenAiStream implements RunSubscriber {
    private final EventStream out;
    private final String head;
    private final boolean includeUsage;
    private JsonObject usage;
    private boolean gone;

    OpenAiStream(EventStream out, long runId, String model, long created, boolean includeUsage) {
        this.out = out;
        this.includeUsage = includeUsage;
        this.head = "data: {\"id\":\"chatcmpl-" + runId + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                + created + ",\"model\":" + JsonP.createValue(model) + ",";
    }

    @Override
    public void onEvent(LogEntry entry) {
        switch (entry.type()) {
            case RUN -> send(choice("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
            case DELTA -> send(choice("{\"content\":" + entry.deltaTextLiteral() + "}", "null"));
            case USAGE -> usage = parse(entry.data());
            case DONE -> finish();
            case ERROR -> fail(parse(entry.data()));
        }
    }

    private void finish() {
        send(choice("{}", "\"stop\""));
        if (includeUsage && usage != null) {
            int in = usage.getInt("input_tokens");
            int outTokens = usage.getInt("output_tokens");
            send(head + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + outTokens
                    + ",\"total_tokens\":" + (in + outTokens) + "}}\n\n");
        }
        send("data: [DONE]\n\n");
        close();
    }

    private void fail(JsonObject problem) {
        String type = problem.getString("type", "").replace(ChatCompletionsResource.PROBLEM_URN, "");
        JsonObject error = JsonP.createObjectBuilder()
                .add("message", problem.getString("detail", "The run failed"))
                .add("type", type)
                .add("code", type)
                .add("status", problem.getString("status", "failed"))
                .build();
        send("data: " + JsonP.createObjectBuilder().add("error", error).build() + "\n\n");
        close();
    }

    private String choice(String delta, String finishReason) {
        return head + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    private void send(String frame) {
        // A client that left only loses its own relay; a disconnect never cancels the run.
        gone = gone || !out.write(frame);
    }

    private void close() {
        out.close();
    }

    private static JsonObject parse(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
