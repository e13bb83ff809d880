package org.switchboard.core.providers.control;

import org.switchboard.core.providers.entity.ChatRequest;

/**
 * What the run engine generates with: a model alias already resolved to its route. Asynchronous:
 * {@link #generate} returns at once and reports through the listener, so no thread waits on a token.
 */
public interface ChatProvider {
    /** Rejects a request this route cannot serve as given, before any run exists for it. */
    default void validate(ChatRequest request) {}

    Generation generate(ChatRequest request, GenerationListener listener);
}
