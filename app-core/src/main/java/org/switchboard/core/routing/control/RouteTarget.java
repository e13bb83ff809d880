package org.switchboard.core.routing.control;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.Target;

/**
 * A policy target resolved against the configuration it was loaded with: the provider's kind, URL and
 * settings, the upstream model, the sealed key (null for a provider without keys) and the prices.
 * {@code id} identifies the target for its breaker and latency average across policies.
 */
public record RouteTarget(
        String id,
        long providerId,
        String providerName,
        String kind,
        String baseUrl,
        JsonObject settings,
        String model,
        ProviderKey key,
        Target configured) {

    /** How a run records what served it: {@code provider/model}. */
    public String label() {
        return providerName + "/" + model;
    }

    /** What a generation with this usage cost at this target's prices; null when the target has no prices. */
    public BigDecimal cost(Usage usage) {
        if (configured.pricePer1k().signum() == 0) {
            return null;
        }
        BigDecimal thousand = BigDecimal.valueOf(1000);
        return configured
                .inputPricePer1k()
                .multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(configured.outputPricePer1k().multiply(BigDecimal.valueOf(usage.outputTokens())))
                .divide(thousand, MathContext.DECIMAL64);
    }
}
