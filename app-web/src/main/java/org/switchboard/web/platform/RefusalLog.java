package org.switchboard.web.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * One log line per refused request (4xx): method, raw path, status, problem type and request id. Never the
 * body or a stack trace: a refusal is the client's business, and a flood of bad requests must not flood the log
 * with more than a line each. The raw (still percent-encoded) path keeps control characters out of the log.
 */
@Provider
@Priority(Priorities.USER + 900)
public class RefusalLog implements ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());
    private static final String TYPE_PREFIX = "{\"type\":\"" + Problems.TYPE_BASE;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status > 499) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        LOG.info(() -> "Refused " + request.getMethod() + " " + abbreviated(path) + " with " + status + " "
                + type(response.getEntity()) + " (request " + request.getProperty(RequestAttributes.REQUEST_ID)
                + ")");
    }

    /** The problem's type slug: {@link Problems} writes {@code type} first. */
    static String type(Object entity) {
        if (entity instanceof String body && body.startsWith(TYPE_PREFIX)) {
            int end = body.indexOf('"', TYPE_PREFIX.length());
            if (end > 0) {
                return abbreviated(body.substring(TYPE_PREFIX.length(), end));
            }
        }
        return "-";
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
