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

    /** A routed generation calls {@code target} ({@code provider/model}): its next attempt, a retry included. */
    default void onAttempt(String target) {}

    /**
     * The attempt called last failed with {@code failure}: it is retried, fallen back from, or the generation's
     * end. Only its type and upstream status are kept (a detail may quote the upstream).
     */
    default void onAttemptFailed(ProviderFailure failure) {}

    /** A routed generation passed {@code target} over without a call, for {@code outcome} ({@code breaker-open}...). */
    default void onTargetSkipped(String target, String outcome) {}
}
