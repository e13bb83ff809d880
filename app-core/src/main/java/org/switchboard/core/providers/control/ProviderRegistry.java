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

    public List<ModelInfo> models() {
        return simulator.models();
    }

    public Optional<ChatProvider> providerFor(String model) {
        return simulator.serves(model) ? Optional.of(simulator) : Optional.empty();
    }
}
