package org.switchboard.core.providers.control;

import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * Receives one generation's normalized events, in order, from whatever thread the provider uses.
 * Exactly one of {@link #onComplete()} or {@link #onError(ProviderFailure)} ends every generation.
 */
public interface GenerationListener {
    void onDelta(String text);

    void onUsage(Usage usage);

    void onComplete();

    void onError(ProviderFailure failure);

    /**
     * The upstream's own conversation id (Dify's {@code conversation_id}), reported so a follow-up request can
     * continue the same upstream conversation. Providers without one never call it.
     */
    default void onConversation(String upstreamConversationId) {}

    /** Which target serves the generation ({@code provider/model}) and after how many calls in all. */
    default void onRoute(String servedBy, int attempts) {}
}
