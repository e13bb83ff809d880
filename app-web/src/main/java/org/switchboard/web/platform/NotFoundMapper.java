package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.core.platform.NotFound;

/** Anything the caller may not see, or that does not exist: 404. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFound> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(NotFound e) {
        return Problems.response(404, e.type(), "Not found", e.getMessage(), RequestIds.of(request));
    }
}
