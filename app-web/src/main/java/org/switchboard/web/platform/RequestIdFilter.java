package org.switchboard.web.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import org.switchboard.core.platform.Ids;

/**
 * Gives every request an id before anything else happens: the caller's {@code X-Request-Id} when it is a
 * sane token, a fresh time-ordered id otherwise. The id is echoed in the response, in problems and in audit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : Long.toString(Ids.next());
        request.setProperty(RequestAttributes.REQUEST_ID, id);
        request.setProperty(RequestAttributes.STARTED_NANOS, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestAttributes.REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        Object runId = request.getProperty(RequestAttributes.RUN_ID);
        if (runId != null) {
            response.getHeaders().putSingle("X-Run-Id", runId.toString());
        }
    }
}
