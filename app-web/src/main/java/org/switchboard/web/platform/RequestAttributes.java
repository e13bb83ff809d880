package org.switchboard.web.platform;

/** Names of the per-request values the filters, resources and mappers share (servlet request attributes). */
public final class RequestAttributes {
    public static final String REQUEST_ID = "switchboard.request-id";
    public static final String STARTED_NANOS = "switchboard.started-nanos";
    public static final String RUN_ID = "switchboard.run-id";
    public static final String CALLER = "switchboard.caller";

    private RequestAttributes() {}
}
