package org.switchboard.web.openai;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.switchboard.web.platform.ChatMessageBody;

/**
 * The body of {@code POST /v1/chat/completions} as the OpenAPI document describes it: OpenAI's fields and
 * ranges (https://platform.openai.com/docs/api-reference/chat/create). {@link ChatCompletionRequest} reads and
 * checks the body by hand (the token path); keep the two in step.
 */
@Schema(name = "ChatCompletionRequest")
record ChatCompletionRequestBody(
        @Schema(required = true, description = "A model alias of GET /v1/models") String model,
        @Schema(required = true, minItems = 1, type = SchemaType.ARRAY, implementation = ChatMessageBody.class)
                List<ChatMessageBody> messages,
        @Schema(defaultValue = "false", description = "Answer as server-sent events") Boolean stream,
        @Schema(name = "stream_options") StreamOptions streamOptions,
        @Schema(name = "max_tokens", minimum = "1") Integer maxTokens,
        @Schema(name = "max_completion_tokens", minimum = "1", description = "Wins over max_tokens")
                Integer maxCompletionTokens,
        @Schema(minimum = "0", maximum = "2") Double temperature,
        @Schema(name = "top_p", minimum = "0", maximum = "1") Double topP,
        @Schema(
                        description = "A string, or an array of up to 4 strings",
                        maxItems = 4,
                        type = SchemaType.ARRAY,
                        implementation = String.class)
                List<String> stop,
        @Schema(
                        name = "upstream_conversation_id",
                        maxLength = 128,
                        description = "Continue an upstream conversation a previous run reported")
                String upstreamConversationId) {

    @Schema(name = "StreamOptions")
    record StreamOptions(@Schema(name = "include_usage") Boolean includeUsage) {}
}
