package org.switchboard.web.platform;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 problem every error answers with ({@link Problems}), as the OpenAPI document describes it. */
@Schema(name = "Problem", description = "RFC 9457 problem details; type is a stable URN per problem")
public record ProblemResponse(
        @Schema(required = true, example = "urn:switchboard:problem:invalid-request") String type,
        @Schema(required = true) String title,
        @Schema(required = true) int status,
        @Schema(required = true) String detail,
        @Schema(description = "The request id, as urn:switchboard:request:<X-Request-Id>") String instance,
        @Schema(description = "The fields a 400 refuses", type = SchemaType.ARRAY, implementation = Violation.class)
                List<Violation> violations,
        @Schema(description = "The same problem in OpenAI's error shape, for the OpenAI SDKs") OpenAiError error) {

    /** The shared OpenAPI response every error refers to ({@code @APIResponse(ref = ProblemResponse.REF)}). */
    public static final String REF = "#/components/responses/Problem";

    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "JSON path of the field, e.g. temperature or messages[0].role") String field,
            String message) {}

    @Schema(name = "OpenAiError")
    public record OpenAiError(String message, String type, String code, String param) {}
}
