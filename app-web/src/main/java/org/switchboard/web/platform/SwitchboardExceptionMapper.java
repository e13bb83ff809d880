package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.core.platform.Conflict;
import org.switchboard.core.platform.Forbidden;
import org.switchboard.core.platform.Gone;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.NotFound;
import org.switchboard.core.platform.SwitchboardException;
import org.switchboard.core.platform.Unprocessable;

/**
 * The conditions app-core names, as problems: each family of conditions has its HTTP status here, the one
 * place core's vocabulary meets HTTP. The problem type is the condition's own stable slug.
 */
@Provider
public class SwitchboardExceptionMapper implements ExceptionMapper<SwitchboardException> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(SwitchboardException e) {
        int status;
        String title;
        if (e instanceof InvalidInput) {
            status = 400;
            title = "Invalid request";
        } else if (e instanceof Forbidden) {
            status = 403;
            title = "Forbidden";
        } else if (e instanceof NotFound) {
            status = 404;
            title = "Not found";
        } else if (e instanceof Conflict) {
            status = 409;
            title = "Conflict";
        } else if (e instanceof Gone) {
            status = 410;
            title = "Gone";
        } else if (e instanceof Unprocessable) {
            status = 422;
            title = "Unprocessable request";
        } else if (e instanceof org.switchboard.core.platform.BadGateway) {
            status = 502;
            title = "Bad gateway";
        } else if (e instanceof org.switchboard.core.platform.ServiceUnavailable) {
            status = 503;
            title = "Service unavailable";
        } else {
            status = 500;
            title = "Internal error";
        }
        return Problems.response(status, e.type(), title, e.getMessage(), RequestIds.of(request));
    }
}
