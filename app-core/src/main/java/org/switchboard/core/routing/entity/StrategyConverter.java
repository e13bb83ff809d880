package org.switchboard.core.routing.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A {@link Strategy} as its wire name in column {@code routing_policies.strategy} ({@code priority}, ...). */
@Converter
public class StrategyConverter implements AttributeConverter<Strategy, String> {
    @Override
    public String convertToDatabaseColumn(Strategy strategy) {
        return (strategy == null ? Strategy.PRIORITY : strategy).wireName();
    }

    @Override
    public Strategy convertToEntityAttribute(String column) {
        return PolicyCodec.strategy(column);
    }
}
