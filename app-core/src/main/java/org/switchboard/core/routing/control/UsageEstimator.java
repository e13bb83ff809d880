package org.switchboard.core.routing.control;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.Usage;

/**
 * Counts tokens with jtokkit's {@code cl100k_base} encoding when an upstream reports no usage; the result is
 * flagged {@code estimated}. Other models tokenize differently, so it is an estimate, never billing truth.
 */
final class UsageEstimator {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final int TOKENS_PER_MESSAGE = 3; // OpenAI's documented per-message overhead

    private UsageEstimator() {}

    static Usage estimate(ChatRequest request, CharSequence output) {
        int input = 0;
        for (ChatMessage message : request.messages()) {
            input += TOKENS_PER_MESSAGE + ENCODING.countTokens(message.content());
        }
        return new Usage(input, ENCODING.countTokens(output.toString()), true);
    }
}
