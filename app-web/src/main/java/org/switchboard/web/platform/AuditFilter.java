package org.switchboard.web.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.audit.boundary.AuditTrail;
import org.switchboard.core.audit.entity.AuditRecord;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Writes one audit row per API request once its answer is known (for a stream: once its headers go out).
 * The write is asynchronous; a failure to audit is logged and never turns a good answer into an error.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class AuditFilter implements ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());

    @Inject
    AuditTrail trail;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(RequestAttributes.REQUEST_ID);
        Object started = request.getProperty(RequestAttributes.STARTED_NANOS);
        if (requestId == null || started == null) {
            return;
        }
        Caller caller = (Caller) request.getProperty(RequestAttributes.CALLER);
        Object runId = request.getProperty(RequestAttributes.RUN_ID);
        try {
            trail.record(new AuditRecord(
                    requestId.toString(),
                    caller == null ? null : caller.tenant(),
                    caller == null ? null : caller.user(),
                    request.getMethod(),
                    "/" + request.getUriInfo().getPath(),
                    response.getStatus(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - (Long) started),
                    runId == null ? null : Long.valueOf(runId.toString()),
                    Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not audit request " + requestId, e);
        }
    }
}
