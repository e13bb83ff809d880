package org.switchboard.core.providers.entity;

import java.math.BigDecimal;

/**
 * Token usage of a generation; {@code estimated} when counted by us rather than reported upstream;
 * {@code cost} at the serving target's prices, null when it has none.
 */
public record Usage(int inputTokens, int outputTokens, boolean estimated, BigDecimal cost) {
    public Usage(int inputTokens, int outputTokens, boolean estimated) {
        this(inputTokens, outputTokens, estimated, null);
    }

    public Usage withCost(BigDecimal newCost) {
        return new Usage(inputTokens, outputTokens, estimated, newCost);
    }
}
