package org.switchboard.core.providers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.providers.entity.ModelInfo;

/** Knows which provider serves which model name. */
@ApplicationScoped
public class ProviderRegistry {
    @Inject
    Simulator simulator;

    @Inject
    OpenAiCompatible openAi;

    public List<ModelInfo> models() {
        return java.util.stream.Stream.concat(simulator.models().stream(), openAi.models().stream())
                .toList();
    }

    public Optional<ChatProvider> providerFor(String model) {
        if (simulator.serves(model)) {
            return Optional.of(simulator);
        }
        return openAi.serves(model) ? Optional.of(openAi) : Optional.empty();
    }
}
