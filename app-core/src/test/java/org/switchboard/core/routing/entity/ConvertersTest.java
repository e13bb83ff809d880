package org.switchboard.core.routing.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.JsonObjectConverter;
import org.switchboard.core.platform.JsonP;

/** The routing JSON columns as typed values: read once per load, written as the same JSON they always held. */
class ConvertersTest {
    private static final Resilience DEFAULTS = new Resilience(3, 250, 2.0, 0.2, 5, 30_000, 60_000);

    private final ResilienceSettingsConverter resilience = new ResilienceSettingsConverter();
    private final TargetsConverter targets = new TargetsConverter();
    private final StrategyConverter strategy = new StrategyConverter();
    private final JsonObjectConverter settings = new JsonObjectConverter();

    @Test
    void resilienceKeepsOnlyWhatThePolicyChose() {
        var chosen = new ResilienceSettings(1, null, 1.5, null, null, 10_000L, null);

        String column = resilience.convertToDatabaseColumn(chosen);

        assertThat(JsonP.parseObject(column).keySet())
                .containsExactlyInAnyOrder("max_attempts", "multiplier", "breaker_cool_down_ms");
        assertThat(resilience.convertToEntityAttribute(column)).isEqualTo(chosen);
        assertThat(resilience.convertToEntityAttribute(column).over(DEFAULTS))
                .isEqualTo(new Resilience(1, 250, 1.5, 0.2, 5, 10_000, 60_000));
    }

    @Test
    void resilienceAsTheSeederAndOlderRowsWroteIt() {
        assertThat(resilience.convertToEntityAttribute("{}")).isEqualTo(ResilienceSettings.DEFAULTS);
        assertThat(resilience.convertToEntityAttribute("{\"max_attempts\":1}").over(DEFAULTS))
                .isEqualTo(new Resilience(1, 250, 2.0, 0.2, 5, 30_000, 60_000));
        assertThat(resilience.convertToDatabaseColumn(ResilienceSettings.DEFAULTS))
                .isEqualTo("{}");
    }

    @Test
    void everyResilienceSettingRoundTrips() {
        var all = ResilienceSettings.of(new Resilience(4, 100, 1.5, 0.1, 7, 10_000, 5_000));

        assertThat(resilience.convertToEntityAttribute(resilience.convertToDatabaseColumn(all)))
                .isEqualTo(all);
    }

    @Test
    void targetsRoundTripAndTakeDefaultsWhenStoredWithout() {
        List<Target> list = List.of(
                new Target("openai", "gpt-4o", 42L, 70, 5, new BigDecimal("0.0025"), new BigDecimal("0.01")),
                new Target("vllm", "llama", null, 30, 6, BigDecimal.ZERO, BigDecimal.ZERO));

        assertThat(targets.convertToEntityAttribute(targets.convertToDatabaseColumn(list)))
                .isEqualTo(list);
        assertThat(targets.convertToEntityAttribute("[{\"provider\":\"simulator\",\"model\":\"sim\"}]"))
                .containsExactly(new Target("simulator", "sim", null, 1, 1, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void storedTargetsThatDoNotReadLeaveThePolicyUnrouted() {
        assertThat(targets.convertToEntityAttribute("[{")).isEmpty();
        assertThat(targets.convertToEntityAttribute("[{\"provider\":\"p\"}]")).isEmpty();
    }

    @Test
    void strategiesAreStoredByWireName() {
        assertThat(strategy.convertToDatabaseColumn(Strategy.WEIGHTED)).isEqualTo("weighted");
        assertThat(strategy.convertToEntityAttribute("latency")).isEqualTo(Strategy.LATENCY);
    }

    @Test
    void providerSettingsAreAJsonObject() {
        var object = JsonP.createObjectBuilder().add("label", "a").build();

        assertThat(settings.convertToEntityAttribute(settings.convertToDatabaseColumn(object)))
                .isEqualTo(object);
        assertThat(settings.convertToDatabaseColumn(null)).isEqualTo("{}");
        assertThat(settings.convertToEntityAttribute("")).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
    }
}
