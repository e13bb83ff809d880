package org.switchboard.web.platform;

import jakarta.servlet.http.HttpServletRequest;

/** Reads the current request's id where only the servlet request is at hand (exception mappers). */
final class RequestIds {
    private RequestIds() {}

    static String of(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(RequestAttributes.REQUEST_ID);
        return id == null ? null : id.toString();
    }
}
