package org.switchboard.core.providers.control;

import org.switchboard.core.providers.entity.ChatRequest;

/**
 * One wire dialect of upstream LLM APIs (SPEC §4). Stateless: everything about the call — where, which key,
 * which upstream model, dialect settings — comes in the {@link Upstream}, so one adapter serves every
 * provider of its kind. Asynchronous: {@link #generate} returns at once and reports through the listener, so
 * no thread waits on a token. Exactly one of {@code onComplete} or {@code onError} ends every generation,
 * unless it is cancelled first; nothing follows a cancel.
 */
public interface ProviderAdapter {
    /** The {@code kind} a provider row names this adapter by: openai, anthropic, dify, mapped, simulator. */
    String kind();

    /** Rejects settings or a request this adapter cannot serve, before any run exists for it. */
    default void validate(Upstream upstream, ChatRequest request) {}

    Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener);
}
