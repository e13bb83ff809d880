package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything nobody named: 500 with no stack trace in the answer, logged under the request id. */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        String requestId = RequestIds.of(request);
        LOG.log(Level.SEVERE, "Request " + requestId + " failed unexpectedly", e);
        return Problems.response(
                500,
                "internal-error",
                "Internal error",
                "The request failed on our side; quote request id " + requestId,
                requestId);
    }
}
