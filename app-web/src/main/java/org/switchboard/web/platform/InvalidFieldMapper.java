package org.switchboard.web.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.core.platform.JsonP;

/**
 * {@link InvalidField} as a 400 problem whose {@code violations} name the field, so a client can point at
 * it: {@code [{"field": "temperature", "message": "..."}]}. The type stays the condition's own slug.
 */
@Provider
public class InvalidFieldMapper implements ExceptionMapper<InvalidField> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(InvalidField e) {
        JsonObjectBuilder problem = JsonP.createObjectBuilder();
        Problems.body(400, e.type(), "Invalid request", e.getMessage(), RequestIds.of(request))
                .forEach((name, value) ->
                        problem.add(name, name.equals("error") ? withParam(value.asJsonObject(), e.field()) : value));
        problem.add(
                "violations",
                JsonP.createArrayBuilder()
                        .add(JsonP.createObjectBuilder().add("field", e.field()).add("message", e.getMessage())));
        return Response.status(400)
                .type(Problems.PROBLEM_JSON)
                .entity(problem.build().toString())
                .build();
    }

    /** OpenAI's error object names the refused parameter in {@code param}; its SDKs show it. */
    private static JsonObject withParam(JsonObject error, String field) {
        JsonObjectBuilder withParam = JsonP.createObjectBuilder();
        error.forEach(withParam::add);
        return withParam.add("param", field).build();
    }
}
