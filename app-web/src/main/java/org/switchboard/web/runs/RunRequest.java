package org.switchboard.web.runs;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.switchboard.web.platform.ChatMessageBody;

/**
 * The body of {@code POST /api/v1/runs} as the OpenAPI document describes it: the chat fields of
 * {@code /v1/chat/completions} plus how to answer. {@link RunsResource} reads and checks the body by hand
 * (the token path); keep the two in step.
 */
@Schema(name = "RunRequest")
record RunRequest(
        @Schema(required = true, description = "A model alias of GET /v1/models") String model,
        @Schema(required = true, minItems = 1, type = SchemaType.ARRAY, implementation = ChatMessageBody.class)
                List<ChatMessageBody> messages,
        @Schema(
                        enumeration = {"stream", "async", "sync"},
                        defaultValue = "sync",
                        description = "stream: SSE; async: 202 at once; sync: the result (202 past the sync deadline)")
                String mode,
        @Schema(name = "callback_url", description = "Webhook called when the run ends") String callbackUrl,
        @Schema(name = "max_tokens", minimum = "1") Integer maxTokens,
        @Schema(name = "max_completion_tokens", minimum = "1") Integer maxCompletionTokens,
        @Schema(minimum = "0", maximum = "2") Double temperature,
        @Schema(name = "top_p", minimum = "0", maximum = "1") Double topP,
        @Schema(
                        description = "A string, or an array of up to 4 strings",
                        maxItems = 4,
                        type = SchemaType.ARRAY,
                        implementation = String.class)
                List<String> stop,
        @Schema(name = "upstream_conversation_id", maxLength = 128) String upstreamConversationId) {}
