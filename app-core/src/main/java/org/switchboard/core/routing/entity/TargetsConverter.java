package org.switchboard.core.routing.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.logging.Logger;

/**
 * A policy's targets as the JSON array column {@code routing_policies.targets}, read once per row load; what a
 * stored target leaves out (weight, priority, prices) takes the defaults {@link PolicyCodec} gives it.
 */
@Converter
public class TargetsConverter implements AttributeConverter<List<Target>, String> {
    private static final Logger LOG = Logger.getLogger(TargetsConverter.class.getName());

    @Override
    public String convertToDatabaseColumn(List<Target> targets) {
        return PolicyCodec.json(targets == null ? List.of() : targets).toString();
    }

    /** Stored targets that do not read leave the policy without targets: it is not routed, the rest still are. */
    @Override
    public List<Target> convertToEntityAttribute(String column) {
        try {
            return PolicyCodec.targets(column);
        } catch (RuntimeException e) {
            LOG.warning("Stored routing targets are skipped: " + e.getMessage());
            return List.of();
        }
    }
}
