package org.switchboard.web.platform;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One chat message on the wire, as the OpenAPI document describes it. {@link ChatRequestJson} reads and checks
 * it (by hand, for speed on the token path); this record is its documented shape.
 */
@Schema(name = "ChatMessage", description = "One message of the conversation")
public record ChatMessageBody(
        @Schema(
                        required = true,
                        enumeration = {"system", "developer", "user", "assistant", "tool"})
                String role,
        @Schema(
                        description = "The text, or an array of content parts whose text parts are joined",
                        type = SchemaType.STRING)
                String content) {}
