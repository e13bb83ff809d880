package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** JAX-RS's own refusals (unknown path, wrong method, wrong content type, too large) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType info = original.getStatusInfo();
        String title = info.getReasonPhrase() == null ? "HTTP " + status : info.getReasonPhrase();
        String type = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String detail =
                switch (status) {
                    case 404 -> "No resource at " + request.getRequestURI();
                    case 405 -> request.getMethod() + " is not allowed on " + request.getRequestURI();
                    case 406 -> "None of the accepted media types can be produced here";
                    case 415 -> "Content-Type '" + request.getContentType()
                            + "' is not supported here; send application/json";
                    default -> e.getMessage() == null ? title : e.getMessage();
                };
        Response.ResponseBuilder answer = Response.fromResponse(
                        Problems.response(status, type, title, detail, RequestIds.of(request)))
                .type(Problems.PROBLEM_JSON);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
