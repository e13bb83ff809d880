package org.switchboard.core.routing.entity;

import java.math.BigDecimal;

/**
 * One target of a policy as configured: a provider (by name), the model name sent upstream, optionally a key
 * (by id; otherwise the provider's first active key), a weight, a priority and prices per 1k tokens.
 */
public record Target(
        String provider,
        String model,
        Long keyId,
        int weight,
        int priority,
        BigDecimal inputPricePer1k,
        BigDecimal outputPricePer1k) {

    public BigDecimal pricePer1k() {
        return inputPricePer1k.add(outputPricePer1k);
    }
}
