package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.core.platform.InvalidInput;

/** Input that cannot be acted on as given: 400, nothing changed. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(InvalidInput e) {
        return Problems.response(400, e.type(), "Invalid request", e.getMessage(), RequestIds.of(request));
    }
}
