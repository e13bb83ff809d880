package org.switchboard.web.runs;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.web.security.Callers;

/** {@code /api/v1/runs}: the native view of runs. Ids are strings in JSON. */
@Path("api/v1/runs")
public class RunsResource {
    @Inject
    Runs runs;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("id") String id, @Context SecurityContext security) {
        return json(runs.find(Callers.of(security), id));
    }

    private static String json(RunView run) {
        JsonObjectBuilder json = Json.createObjectBuilder()
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
            json.add(
                    "usage",
                    Json.createObjectBuilder()
                            .add("input_tokens", run.usage().inputTokens())
                            .add("output_tokens", run.usage().outputTokens())
                            .add("estimated", run.usage().estimated()));
        }
        return json.build().toString();
    }
}
