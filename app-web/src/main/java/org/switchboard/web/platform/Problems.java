package org.switchboard.web.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.core.platform.JsonP;

/**
 * RFC 9457 problem details. {@code type} is a stable URN per problem, {@code instance} the request id.
 * Each problem also carries an OpenAI-style {@code error} member so the official OpenAI SDKs, which read
 * {@code error.message}, show the same detail.
 */
public final class Problems {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    public static final String TYPE_BASE = "urn:switchboard:problem:";

    private Problems() {}

    public static JsonObject body(int status, String type, String title, String detail, String requestId) {
        JsonObjectBuilder problem = JsonP.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (requestId != null) {
            problem.add("instance", "urn:switchboard:request:" + requestId);
        }
        problem.add(
                "error",
                JsonP.createObjectBuilder()
                        .add("message", detail)
                        .add("type", type)
                        .add("code", type));
        return problem.build();
    }

    public static Response response(int status, String type, String title, String detail, String requestId) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(body(status, type, title, detail, requestId).toString())
                .build();
    }
}
