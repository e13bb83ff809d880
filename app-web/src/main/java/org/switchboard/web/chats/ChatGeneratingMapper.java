package org.switchboard.web.chats;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.core.chats.boundary.ChatGenerating;
import org.switchboard.core.platform.JsonP;
import org.switchboard.web.platform.Problems;
import org.switchboard.web.platform.RequestAttributes;

/** A send to a chat that is answering: 409 naming the active run ({@code active_run_id}), which a client may follow. */
@Provider
public class ChatGeneratingMapper implements ExceptionMapper<ChatGenerating> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ChatGenerating e) {
        Object requestId = request == null ? null : request.getAttribute(RequestAttributes.REQUEST_ID);
        JsonObject problem = Problems.body(
                409, e.type(), "Conflict", e.getMessage(), requestId == null ? null : requestId.toString());
        var body = JsonP.createObjectBuilder();
        problem.forEach(body::add);
        if (e.activeRunId() == null) {
            body.addNull("active_run_id");
        } else {
            body.add("active_run_id", Long.toString(e.activeRunId()));
        }
        return Response.status(409)
                .type(Problems.PROBLEM_JSON)
                .entity(body.build().toString())
                .build();
    }
}
