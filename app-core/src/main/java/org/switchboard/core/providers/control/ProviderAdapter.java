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

    /**
     * Embeds {@code inputs} with the upstream's model: one vector per input, in order, and the input tokens
     * counted. Fails with an {@link CallFailure}; dialects without embeddings fail with a bad request.
     */
    default java.util.concurrent.CompletableFuture<Embeddings> embed(Upstream upstream, java.util.List<String> inputs) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new CallFailure(new org.switchboard.core.providers.entity.ProviderFailure(
                        "upstream-bad-request", "Providers of kind " + kind() + " serve no embeddings", 0)));
    }

    /**
     * The model names the upstream serves, as it lists them; also how an admin tests a provider's URL and key.
     * Dialects without a model list answer the names they know (the simulator's scripts) or none.
     */
    default java.util.concurrent.CompletableFuture<java.util.List<String>> models(Upstream upstream) {
        return java.util.concurrent.CompletableFuture.completedFuture(java.util.List.of());
    }

    /** Vectors, one per input, and the input tokens the upstream counted. */
    record Embeddings(java.util.List<double[]> vectors, int inputTokens) {}

    /**
     * Why a one-shot upstream call (embeddings, models) failed, classified like a generation's failure. Stackless:
     * it is an outcome, not a bug.
     */
    final class CallFailure extends org.switchboard.core.platform.BadGateway {
        private final transient org.switchboard.core.providers.entity.ProviderFailure failure;

        public CallFailure(org.switchboard.core.providers.entity.ProviderFailure failure) {
            super(failure.type(), failure.detail(), true);
            this.failure = failure;
        }

        public org.switchboard.core.providers.entity.ProviderFailure failure() {
            return failure;
        }
    }
}
