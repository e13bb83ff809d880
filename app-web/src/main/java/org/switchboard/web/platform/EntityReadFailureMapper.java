package org.switchboard.web.platform;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body JAX-RS itself failed to read into a typed parameter (JSON-B): Jersey reports it as a
 * {@link ProcessingException} caused by the binding's or parser's exception. That is bad input (400
 * {@code malformed-json}, or 413 when the body limit cut it off), not a failure of ours. Any other
 * processing failure stays an unexpected 500.
 */
@Provider
public class EntityReadFailureMapper implements ExceptionMapper<ProcessingException> {
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ProcessingException e) {
        String requestId = RequestIds.of(request);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.LimitExceeded exceeded) {
                return Problems.response(
                        413,
                        "request-entity-too-large",
                        "Request Entity Too Large",
                        new PayloadTooLarge(exceeded.limit).getMessage(),
                        requestId);
            }
        }
        if (isUnreadableJson(e)) {
            return Problems.response(
                    400,
                    "malformed-json",
                    "Invalid request",
                    "The request body is not valid JSON for this resource",
                    requestId);
        }
        UnexpectedFailureMapper unexpected = new UnexpectedFailureMapper();
        unexpected.request = request;
        return unexpected.toResponse(e);
    }

    /** A JSON-P/JSON-B failure raised while reading the request entity (not while writing an answer). */
    static boolean isUnreadableJson(Throwable e) {
        boolean reading = false;
        for (StackTraceElement frame : e.getStackTrace()) {
            reading |= frame.getMethodName().equals("readFrom")
                    || frame.getMethodName().equals("readEntity");
        }
        for (Throwable cause = e; reading && cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
