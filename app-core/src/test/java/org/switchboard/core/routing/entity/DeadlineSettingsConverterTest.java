package org.switchboard.core.routing.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.JsonP;

/** A policy's deadlines as their JSON column: only what the policy chose, so the rest stays the instance's. */
class DeadlineSettingsConverterTest {
    private final DeadlineSettingsConverter converter = new DeadlineSettingsConverter();

    @Test
    void keepsOnlyTheDeadlinesThePolicyChose() {
        var chosen = new DeadlineSettings(2_000L, null, 120_000L);

        String column = converter.convertToDatabaseColumn(chosen);

        assertThat(JsonP.parseObject(column).keySet()).containsExactlyInAnyOrder("first_token_ms", "total_ms");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo(chosen);
    }

    @Test
    void noChoiceIsAnEmptyObjectAndRowsFromBeforeReadAsNoChoice() {
        assertThat(converter.convertToDatabaseColumn(DeadlineSettings.DEFAULTS)).isEqualTo("{}");
        assertThat(converter.convertToEntityAttribute("{}")).isEqualTo(DeadlineSettings.DEFAULTS);
        assertThat(converter.convertToEntityAttribute(null)).isEqualTo(DeadlineSettings.DEFAULTS);
    }
}
