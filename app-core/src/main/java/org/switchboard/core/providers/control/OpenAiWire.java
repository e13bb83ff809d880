package org.switchboard.core.providers.control;

import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.runs.control.RequestCodec;

/**
 * Our request in OpenAI's chat completions wire format
 * (https://platform.openai.com/docs/api-reference/chat/create): always streamed, with usage.
 */
final class OpenAiWire {
    private OpenAiWire() {}

    static String request(ChatRequest request, String upstreamModel) {
        return RequestCodec.chatFields(request)
                .add("model", upstreamModel)
                .add("stream", true)
                .add("stream_options", JsonP.createObjectBuilder().add("include_usage", true))
                .build()
                .toString();
    }
}
