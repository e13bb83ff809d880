package org.switchboard.web.chats;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.core.chats.boundary.Chats;
import org.switchboard.core.chats.entity.ChatCreation;
import org.switchboard.core.chats.entity.ChatDetail;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.web.platform.ProblemResponse;
import org.switchboard.web.security.Callers;

/**
 * {@code /api/v1/chats}: a caller's chats (SPEC §3). A chat's {@code ETag} is its version, so a client that holds
 * the current one gets {@code 304} (seed 003's {@code cache_version}). Generations are {@link ChatTurnsResource}'s.
 */
@Path("api/v1/chats")
@Produces(MediaType.APPLICATION_JSON)
public class ChatsResource {
    private static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

    @Inject
    Chats chats;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a chat; a repeated client_id answers 200 with the chat it created")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    public Response create(InputStream body) {
        ChatCreation created = chats.create(Callers.of(security), ChatBodies.create(body));
        String id = Long.toString(created.chat().id());
        Response.ResponseBuilder answer = created.existed()
                ? Response.ok()
                : Response.created(uri.getAbsolutePathBuilder().path(id).build());
        return answer.entity(ChatJson.of(created.chat()).toString()).build();
    }

    @GET
    @Operation(summary = "The caller's chats, newest first; next_before is the cursor of the next page")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    public String list(
            @QueryParam("before") String before, @QueryParam("limit") String limit, @QueryParam("all") String all) {
        return ChatJson.of(chats.list(Callers.of(security), before(before), limit(limit), flag(all)))
                .toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A chat and its active branch; If-None-Match with its ETag answers 304")
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    public Response get(@PathParam("id") String id, @Context Request request) {
        return current(chats.find(Callers.of(security), id), request);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a chat")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    public String rename(@PathParam("id") String id, InputStream body) {
        return ChatJson.of(chats.rename(Callers.of(security), id, ChatBodies.rename(body)))
                .toString();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a chat and its messages (audited)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    public Response delete(@PathParam("id") String id) {
        chats.delete(Callers.of(security), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch the chat's current branch to the one through message_id, down to its newest leaf")
    @APIResponse(responseCode = "400", ref = ProblemResponse.REF)
    @APIResponse(responseCode = "404", ref = ProblemResponse.REF)
    public Response switchBranch(@PathParam("id") String id, InputStream body, @Context Request request) {
        return current(chats.moveTo(Callers.of(security), id, ChatBodies.current(body)), request);
    }

    private static Response current(ChatDetail detail, Request request) {
        EntityTag tag = new EntityTag(Integer.toString(detail.chat().version()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(REVALIDATE).build();
        }
        return Response.ok(ChatJson.of(detail).toString())
                .tag(tag)
                .cacheControl(REVALIDATE)
                .build();
    }

    private static Long before(String before) {
        if (before == null) {
            return null;
        }
        return Ids.parse(before).stream()
                .boxed()
                .findFirst()
                .orElseThrow(
                        () -> new InvalidInput("invalid-cursor", "'before' must be a chat id (a string of digits)"));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput("invalid-limit", "'limit' must be a whole number from 1 to 100");
    }

    private static boolean flag(String all) {
        if (all == null || all.equals("false")) {
            return false;
        }
        if (all.equals("true")) {
            return true;
        }
        throw new InvalidInput("invalid-chat-request", "'all' must be true or false");
    }
}
