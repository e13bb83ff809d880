package org.switchboard.web.openai;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.jersey.server.ChunkedOutput;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.control.LiveRun;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.web.platform.JsonBodies;
import org.switchboard.web.platform.Problems;
import org.switchboard.web.platform.RequestAttributes;
import org.switchboard.web.security.Callers;

/**
 * {@code POST /v1/chat/completions}, streaming or not. The request thread is released at once: a stream
 * is relayed by the run's log writer into a chunked response, a non-streamed answer is resumed when the run
 * ends, or becomes {@code 202 Accepted} pointing at the run when it outlives the sync deadline.
 */
@Path("v1/chat/completions")
public class ChatCompletionsResource {
    static final String PROBLEM_URN = Problems.TYPE_BASE;

    @Inject
    Runs runs;

    @Inject
    @ConfigProperty(name = "switchboard.runs.sync-deadline")
    Duration syncDeadline;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public void create(
            InputStream body,
            @Context HttpHeaders headers,
            @Context SecurityContext security,
            @Context HttpServletRequest http,
            @Suspended AsyncResponse async) {
        JsonObject json = JsonBodies.readObject(body);
        var request = ChatCompletionRequest.from(json, SimulatorHeaders.hints(headers));
        LiveRun run = runs.start(Callers.of(security), request.chat(), json.toString());
        http.setAttribute(RequestAttributes.RUN_ID, run.id());
        String requestId = (String) http.getAttribute(RequestAttributes.REQUEST_ID);
        long created = Instant.now().getEpochSecond();
        if (request.stream()) {
            var out = new ChunkedOutput<String>(String.class);
            run.subscribe(0, new OpenAiStream(out, run.id(), request.chat().model(), created, request.includeUsage()));
            async.resume(Response.ok(out, MediaType.SERVER_SENT_EVENTS_TYPE)
                    .header("Cache-Control", "no-cache, no-transform")
                    .header("X-Accel-Buffering", "no")
                    .build());
            return;
        }
        run.terminal()
                .orTimeout(syncDeadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((end, timeout) -> async.resume(
                        end == null
                                ? accepted(run)
                                : answer(run, end, request.chat().model(), created, requestId)));
    }

    private static Response answer(LiveRun run, LogEntry end, String model, long created, String requestId) {
        if (end.type() == EventType.ERROR) {
            JsonObject problem = Json.createReader(new StringReader(end.data())).readObject();
            String type = problem.getString("type").replace(PROBLEM_URN, "");
            return Problems.response(502, type, "Upstream failure", problem.getString("detail"), requestId);
        }
        var usage = run.usage();
        JsonObject completion = Json.createObjectBuilder()
                .add("id", "chatcmpl-" + run.id())
                .add("object", "chat.completion")
                .add("created", created)
                .add("model", model)
                .add(
                        "choices",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("index", 0)
                                        .add(
                                                "message",
                                                Json.createObjectBuilder()
                                                        .add("role", "assistant")
                                                        .add("content", run.output()))
                                        .add("finish_reason", "stop")))
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("prompt_tokens", usage.inputTokens())
                                .add("completion_tokens", usage.outputTokens())
                                .add("total_tokens", usage.inputTokens() + usage.outputTokens()))
                .build();
        return Response.ok(completion.toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** The run outlived the sync deadline: point the client at it instead of timing out. */
    private static Response accepted(LiveRun run) {
        String id = Long.toString(run.id());
        return Response.accepted(Json.createObjectBuilder()
                        .add("id", id)
                        .add("status", "running")
                        .build()
                        .toString())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create("/api/v1/runs/" + id))
                .header("Retry-After", "2")
                .build();
    }
}
