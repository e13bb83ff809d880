package org.switchboard.web.openai;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.web.platform.EventStreams;
import org.switchboard.web.platform.JsonBodies;
import org.switchboard.web.platform.ProblemResponse;
import org.switchboard.web.platform.Problems;
import org.switchboard.web.platform.RequestAttributes;
import org.switchboard.web.platform.SimulatorHeaders;
import org.switchboard.web.runs.RunAwaiter;
import org.switchboard.web.security.Callers;

/**
 * {@code POST /v1/chat/completions}, streaming or not, on the run engine: the completion is a queued run,
 * and this request only follows it. The request thread is released at once; a client that loses its stream
 * can reattach through {@code /api/v1/runs/{X-Run-Id}/events}.
 */
@Path("v1/chat/completions")
public class ChatCompletionsResource {
    static final String PROBLEM_URN = Problems.TYPE_BASE;

    @Inject
    Runs runs;

    @Inject
    EventStreams streams;

    @Inject
    RunAwaiter awaiter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Operation(
            summary = "Create a chat completion (OpenAI-compatible)",
            description = "Runs on the run engine; X-Run-Id names the run, whose events can be followed at"
                    + " /api/v1/runs/{id}/events. With stream=true the answer is OpenAI's server-sent events.")
    @APIResponse(
            responseCode = "200",
            description = "The completion, or its stream of chunks",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON),
                @Content(mediaType = MediaType.SERVER_SENT_EVENTS)
            })
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "401", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "413", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "502", ref = ProblemResponse.REF)
    public void create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ChatCompletionRequestBody.class)))
                    InputStream body,
            @Context HttpHeaders headers,
            @Context SecurityContext security,
            @Context HttpServletRequest http,
            @Context HttpServletResponse response,
            @Suspended AsyncResponse async) {
        JsonObject json = JsonBodies.readObject(body);
        var request = ChatCompletionRequest.from(json, SimulatorHeaders.hints(headers));
        Caller caller = Callers.of(security);
        RunView run = runs.submitHere(caller, request.chat(), null);
        String runId = Long.toString(run.id());
        http.setAttribute(RequestAttributes.RUN_ID, run.id());
        String requestId = (String) http.getAttribute(RequestAttributes.REQUEST_ID);
        long created = Instant.now().getEpochSecond();
        String model = request.chat().model();
        if (request.stream()) {
            var out = streams.open(response);
            var following =
                    runs.followSubmitted(run, new OpenAiStream(out, run.id(), model, created, request.includeUsage()));
            awaiter.whenRecorded(
                    run,
                    async,
                    () -> {
                        async.resume(out.response());
                        out.start();
                    },
                    following::close);
            return;
        }
        awaiter.whenRecorded(
                run,
                async,
                () -> awaiter.await(
                        caller, runId, async, end -> answer(runs.find(caller, runId), end, model, created, requestId)),
                () -> {});
    }

    private static Response answer(RunView run, LogEntry end, String model, long created, String requestId) {
        if (end.type() == EventType.ERROR) {
            JsonObject problem = JsonP.parseObject(end.data());
            String type = problem.getString("type").replace(PROBLEM_URN, "");
            return Problems.response(502, type, "Upstream failure", problem.getString("detail"), requestId);
        }
        var usage = run.usage();
        JsonObject completion = JsonP.createObjectBuilder()
                .add("id", "chatcmpl-" + run.id())
                .add("object", "chat.completion")
                .add("created", created)
                .add("model", model)
                .add(
                        "choices",
                        JsonP.createArrayBuilder()
                                .add(JsonP.createObjectBuilder()
                                        .add("index", 0)
                                        .add(
                                                "message",
                                                JsonP.createObjectBuilder()
                                                        .add("role", "assistant")
                                                        .add("content", run.output()))
                                        .add("finish_reason", "stop")))
                .add(
                        "usage",
                        JsonP.createObjectBuilder()
                                .add("prompt_tokens", usage.inputTokens())
                                .add("completion_tokens", usage.outputTokens())
                                .add("total_tokens", usage.inputTokens() + usage.outputTokens()))
                .build();
        return Response.ok(completion.toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
