package org.switchboard.core.providers.control;

import java.util.List;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ModelInfo;

/**
 * One wire dialect of upstream LLM APIs. Implementations are asynchronous: {@link #generate} returns at
 * once and reports through the listener, so no thread waits on a token.
 */
public interface ChatProvider {
    List<ModelInfo> models();

    /** Rejects a request this provider cannot serve as given, before any run exists for it. */
    default void validate(ChatRequest request) {}

    Generation generate(ChatRequest request, GenerationListener listener);
}
