package org.switchboard.core.routing.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * A policy's targets as the JSON array column {@code routing_policies.targets}, read once per row load; what a
 * stored target leaves out (weight, priority, prices) takes the defaults {@link PolicyCodec} gives it.
 */
@Converter
public class TargetsConverter implements AttributeConverter<List<Target>, String> {
    @Override
    public String convertToDatabaseColumn(List<Target> targets) {
        return PolicyCodec.json(targets == null ? List.of() : targets).toString();
    }

    @Override
    public List<Target> convertToEntityAttribute(String column) {
        return PolicyCodec.targets(column);
    }
}
