package org.switchboard.web.runs;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.core.idempotency.boundary.IdempotencyKeys;
import org.switchboard.core.idempotency.entity.StoredAnswer;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.webhooks.boundary.Webhooks;
import org.switchboard.web.platform.ChatRequestJson;
import org.switchboard.web.platform.EventStreams;
import org.switchboard.web.platform.JsonBodies;
import org.switchboard.web.platform.ProblemResponse;
import org.switchboard.web.platform.RequestAttributes;
import org.switchboard.web.platform.SimulatorHeaders;
import org.switchboard.web.security.Callers;

/**
 * {@code POST /api/v1/runs}: submit a run, answered as a stream ({@code mode=stream}), at once with
 * {@code 202} ({@code mode=async}) or with the result ({@code mode=sync}, the default; {@code 202} if the run
 * outlives the sync deadline). {@code Idempotency-Key} makes a submission safe to repeat.
 */
@Path("api/v1/runs")
public class RunsResource {
    @Inject
    Runs runs;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Webhooks webhooks;

    @Inject
    EventStreams streams;

    @Inject
    RunAwaiter awaiter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Operation(summary = "Submit a run: streamed, async (202) or sync (the result)")
    @APIResponse(responseCode = "200", description = "The finished run (sync) or its event stream; 202: accepted")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "409", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "413", ref = ProblemResponse.REF)
    public void create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = RunRequest.class)))
                    InputStream body,
            @HeaderParam("Idempotency-Key") String key,
            @Context HttpHeaders headers,
            @Context SecurityContext security,
            @Context HttpServletRequest http,
            @Context HttpServletResponse httpResponse,
            @Suspended AsyncResponse async) {
        JsonObject json = JsonBodies.readObject(body);
        SubmitMode mode = SubmitMode.of(ChatRequestJson.optionalString(json, "mode"));
        String callback = ChatRequestJson.optionalString(json, "callback_url");
        if (callback != null) {
            webhooks.validateCallback(callback);
        }
        var hints = SimulatorHeaders.hints(headers);
        ChatRequest chat = ChatRequestJson.parse(json, hints);
        Caller caller = Callers.of(security);
        var idempotency = IdempotentSubmission.of(keys, caller, key, json, hints);
        Optional<StoredAnswer> earlier = idempotency.begin();
        if (earlier.isPresent()) {
            replay(caller, earlier.get(), mode, http, httpResponse, async);
            return;
        }
        RunView run;
        try {
            // A client that waits here for the answer gets its run started here; an async one goes to the queue.
            run = mode == SubmitMode.ASYNC
                    ? runs.submit(caller, chat, callback)
                    : runs.submitHere(caller, chat, callback);
        } catch (RuntimeException e) {
            idempotency.abandon();
            throw e;
        }
        String runId = Long.toString(run.id());
        http.setAttribute(RequestAttributes.RUN_ID, run.id());
        switch (mode) {
            case STREAM -> {
                var out = streams.open(httpResponse);
                var following = runs.followSubmitted(run, new NativeEventStream(out));
                awaiter.whenRecorded(
                        run,
                        async,
                        () -> {
                            idempotency.answered(run.id(), 200, RunJson.of(run).toString());
                            async.resume(out.response());
                            out.start();
                        },
                        () -> {
                            following.close();
                            idempotency.abandon();
                        });
            }
            case ASYNC -> {
                Response accepted = accepted(run);
                idempotency.answered(run.id(), 202, (String) accepted.getEntity());
                async.resume(accepted);
            }
            case SYNC -> awaiter.whenRecorded(
                    run,
                    async,
                    () -> awaiter.await(caller, runId, end -> ok(runs.snapshot(caller, runId)))
                            .whenComplete((response, failure) -> {
                                if (failure == null) {
                                    idempotency.answered(run.id(), response.getStatus(), (String) response.getEntity());
                                }
                                async.resume(failure == null ? response : failure);
                            }),
                    idempotency::abandon);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A run's status and output; with after, its events after that seq; with wait, long-polls")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "410", ref = ProblemResponse.REF)
    public void get(
            @PathParam("id") String id,
            @QueryParam("after") String after,
            @QueryParam("wait") String wait,
            @Context SecurityContext security,
            @Suspended AsyncResponse async) {
        Caller caller = Callers.of(security);
        if (after == null) {
            async.resume(withRetryAfter(RunJson.of(runs.snapshot(caller, id))));
            return;
        }
        new LongPoll(runs, caller, id, Cursor.parse(after, "after"), LongPoll.waitSeconds(wait)).answer(async);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a run's events (SSE), resuming after Last-Event-ID or after")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    public void events(
            @PathParam("id") String id,
            @QueryParam("after") String after,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SecurityContext security,
            @Context HttpServletResponse response,
            @Suspended AsyncResponse async) {
        int cursor = lastEventId != null ? Cursor.parse(lastEventId, "Last-Event-ID") : Cursor.parse(after, "after");
        stream(Callers.of(security), id, cursor, response, async);
    }

    @POST
    @Path("{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a run; answers once it has ended")
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    public void cancel(@PathParam("id") String id, @Context SecurityContext security, @Suspended AsyncResponse async) {
        Caller caller = Callers.of(security);
        runs.cancel(caller, id);
        awaiter.await(caller, id, async, end -> ok(runs.snapshot(caller, id)));
    }

    private void stream(Caller caller, String runId, int after, HttpServletResponse response, AsyncResponse async) {
        var out = streams.open(response);
        runs.follow(caller, runId, after, new NativeEventStream(out));
        async.resume(out.response());
        out.start();
    }

    private void replay(
            Caller caller,
            StoredAnswer answer,
            SubmitMode mode,
            HttpServletRequest http,
            HttpServletResponse response,
            AsyncResponse async) {
        String runId = Long.toString(answer.runId());
        http.setAttribute(RequestAttributes.RUN_ID, answer.runId());
        if (mode == SubmitMode.STREAM) {
            stream(caller, runId, 0, response, async);
            return;
        }
        async.resume(Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body())
                .location(URI.create("/api/v1/runs/" + runId))
                .header("Idempotent-Replayed", "true")
                .build());
    }

    private static Response ok(org.switchboard.core.runs.entity.RunSnapshot snapshot) {
        return withRetryAfter(RunJson.of(snapshot));
    }

    static Response withRetryAfter(JsonObject run) {
        Response.ResponseBuilder answer = Response.ok(run.toString(), MediaType.APPLICATION_JSON_TYPE);
        String status = run.getString("status");
        if (status.equals("queued") || status.equals("running")) {
            answer.header("Retry-After", "1");
        }
        return answer.build();
    }

    private static Response accepted(RunView run) {
        return Response.accepted(RunJson.of(run).toString())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create("/api/v1/runs/" + run.id()))
                .header("Retry-After", "1")
                .build();
    }
}
