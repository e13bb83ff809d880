package org.switchboard.core.routing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;

/** Parsing and validation of a routing policy's strategy, targets and resilience JSON. */
class PolicyCodecTest {
    private static final Resilience DEFAULTS = new Resilience(3, 250, 2.0, 0.2, 5, 30_000, 60_000);

    private static JsonArray array(String json) {
        return JsonP.createReader(new StringReader(json)).readArray();
    }

    private static JsonObject object(String json) {
        return JsonP.createReader(new StringReader(json)).readObject();
    }

    private static void rejected(Runnable parse, String fieldName) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.type()).isEqualTo("invalid-routing-policy");
            assertThat(e.getMessage()).startsWith("Invalid routing policy: ").contains(fieldName);
        });
    }

    // ---------------------------------------------------------------- strategy

    @ParameterizedTest
    @CsvSource({"priority, PRIORITY", "WEIGHTED, WEIGHTED", " Latency , LATENCY", "cost, COST"})
    void strategiesAreReadCaseInsensitively(String value, Strategy expected) {
        assertThat(PolicyCodec.strategy(value)).isEqualTo(expected);
    }

    @Test
    void noStrategyIsPriority() {
        assertThat(PolicyCodec.strategy(null)).isEqualTo(Strategy.PRIORITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "", "round-robin"})
    void anUnknownStrategyIsRejected(String value) {
        rejected(() -> PolicyCodec.strategy(value), "strategy must be one of priority, weighted, latency, cost");
    }

    // ---------------------------------------------------------------- targets

    @Test
    void targetsTakeDefaults() {
        List<Target> targets = PolicyCodec.targets(
                array(
                        """
                [{"provider": " openai ", "model": "gpt-4o"},
                 {"provider": "anthropic", "model": "claude-sonnet-4-5"}]
                """));

        assertThat(targets)
                .containsExactly(
                        new Target("openai", "gpt-4o", null, 1, 1, BigDecimal.ZERO, BigDecimal.ZERO),
                        new Target("anthropic", "claude-sonnet-4-5", null, 1, 2, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void targetsReadEveryField() {
        List<Target> targets = PolicyCodec.targets(
                array(
                        """
                [{"provider": "openai", "model": "gpt-4o", "key": "42", "weight": 70, "priority": 5,
                  "input_price_per_1k": 0.0025, "output_price_per_1k": 0.01},
                 {"provider": "azure", "model": "gpt-4o", "key": 7, "weight": 0, "priority": 0,
                  "input_price_per_1k": 0, "output_price_per_1k": null},
                 {"provider": "vllm", "model": "llama", "key": null}]
                """));

        assertThat(targets)
                .containsExactly(
                        new Target("openai", "gpt-4o", 42L, 70, 5, new BigDecimal("0.0025"), new BigDecimal("0.01")),
                        new Target("azure", "gpt-4o", 7L, 0, 0, new BigDecimal("0"), BigDecimal.ZERO),
                        new Target("vllm", "llama", null, 1, 3, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void targetsRoundTripThroughJson() {
        List<Target> targets = List.of(
                new Target("openai", "gpt-4o", 42L, 70, 5, new BigDecimal("0.0025"), new BigDecimal("0.01")),
                new Target("vllm", "llama", null, 30, 6, BigDecimal.ZERO, BigDecimal.ZERO));

        assertThat(PolicyCodec.targets(PolicyCodec.json(targets).toString())).isEqualTo(targets);
    }

    @Test
    void targetsMustBeANonEmptyArray() {
        rejected(() -> PolicyCodec.targets((JsonArray) null), "targets must be a non-empty array");
        rejected(() -> PolicyCodec.targets(array("[]")), "targets must be a non-empty array");
    }

    @Test
    void atMost32Targets() {
        String one = "{\"provider\": \"p\", \"model\": \"m\"}";
        String thirtyTwo = "[" + String.join(",", java.util.Collections.nCopies(32, one)) + "]";
        String thirtyThree = "[" + String.join(",", java.util.Collections.nCopies(33, one)) + "]";

        assertThat(PolicyCodec.targets(array(thirtyTwo))).hasSize(32);
        rejected(() -> PolicyCodec.targets(array(thirtyThree)), "at most 32 targets");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a target that is not an object
                "[\"openai/gpt-4o\"]                                                   | targets[0] must be an object",
                "[{\"provider\": \"p\", \"model\": \"m\"}, 3]                          | targets[1] must be an object",
                // provider
                "[{\"model\": \"m\"}]                                                  | targets[0].provider",
                "[{\"provider\": \"\", \"model\": \"m\"}]                              | targets[0].provider",
                "[{\"provider\": \"   \", \"model\": \"m\"}]                           | targets[0].provider",
                "[{\"provider\": 5, \"model\": \"m\"}]                                 | targets[0].provider",
                "[{\"provider\": null, \"model\": \"m\"}]                              | targets[0].provider",
                // model
                "[{\"provider\": \"p\", \"model\": \"m\"}, {\"provider\": \"p\"}]      | targets[1].model",
                "[{\"provider\": \"p\", \"model\": [\"m\"]}]                           | targets[0].model",
                // key
                "[{\"provider\": \"p\", \"model\": \"m\", \"key\": \"abc\"}]           | targets[0].key",
                "[{\"provider\": \"p\", \"model\": \"m\", \"key\": \"\"}]              | targets[0].key",
                "[{\"provider\": \"p\", \"model\": \"m\", \"key\": 1.5}]               | targets[0].key",
                "[{\"provider\": \"p\", \"model\": \"m\", \"key\": true}]              | targets[0].key",
                "[{\"provider\": \"p\", \"model\": \"m\", \"key\": 99999999999999999999}] | targets[0].key",
                // weight
                "[{\"provider\": \"p\", \"model\": \"m\", \"weight\": -1}]             | targets[0].weight",
                "[{\"provider\": \"p\", \"model\": \"m\", \"weight\": 1.5}]            | targets[0].weight",
                "[{\"provider\": \"p\", \"model\": \"m\", \"weight\": \"2\"}]          | targets[0].weight",
                "[{\"provider\": \"p\", \"model\": \"m\", \"weight\": 1000001}]        | targets[0].weight",
                // priority
                "[{\"provider\": \"p\", \"model\": \"m\", \"priority\": -1}]           | targets[0].priority",
                "[{\"provider\": \"p\", \"model\": \"m\", \"priority\": 0.5}]          | targets[0].priority",
                "[{\"provider\": \"p\", \"model\": \"m\", \"priority\": 4294967297}]   | targets[0].priority",
                // prices
                "[{\"provider\": \"p\", \"model\": \"m\", \"input_price_per_1k\": -0.01}] | targets[0].input_price_per_1k",
                "[{\"provider\": \"p\", \"model\": \"m\", \"input_price_per_1k\": \"1\"}] | targets[0].input_price_per_1k",
                "[{\"provider\": \"p\", \"model\": \"m\", \"output_price_per_1k\": -1}]   | targets[0].output_price_per_1k",
                "[{\"provider\": \"p\", \"model\": \"m\", \"output_price_per_1k\": {}}]   | targets[0].output_price_per_1k",
                // weights all 0
                "[{\"provider\": \"p\", \"model\": \"m\", \"weight\": 0}, {\"provider\": \"q\", \"model\": \"m\", \"weight\": 0}] | at least one target needs a weight above 0",
            })
    void anInvalidTargetFieldIsRejectedByName(String json, String message) {
        rejected(() -> PolicyCodec.targets(array(json)), message);
    }

    @Test
    void aTooLongNameIsRejected() {
        String name = "x".repeat(129);
        assertThat(PolicyCodec.targets(array("[{\"provider\": \"p\", \"model\": \"" + "x".repeat(128) + "\"}]")))
                .singleElement()
                .extracting(Target::model)
                .isEqualTo("x".repeat(128));
        rejected(
                () -> PolicyCodec.targets(array("[{\"provider\": \"p\", \"model\": \"" + name + "\"}]")),
                "targets[0].model must be a non-empty string of at most 128 characters");
    }

    @Test
    void theMessageSaysWhatIsExpected() {
        rejected(
                () -> PolicyCodec.targets(array("[{\"provider\": \"p\", \"model\": \"m\", \"weight\": -1}]")),
                "targets[0].weight must be a whole number from 0 to 1000000");
    }

    @Test
    void aWholeNumberBeyondTheLongRangeIsRejected() {
        rejected(
                () -> PolicyCodec.targets(
                        array("[{\"provider\": \"p\", \"model\": \"m\", \"weight\": 18446744073709551617}]")),
                "targets[0].weight");
        rejected(
                () -> PolicyCodec.resilience(object("{\"max_attempts\": 18446744073709551619}"), DEFAULTS),
                "resilience.max_attempts");
    }

    // ---------------------------------------------------------------- resilience

    @Test
    void absentResilienceTakesTheDefaults() {
        assertThat(PolicyCodec.resilience((JsonObject) null, DEFAULTS)).isEqualTo(DEFAULTS);
        assertThat(PolicyCodec.resilience(object("{}"), DEFAULTS)).isEqualTo(DEFAULTS);
        assertThat(PolicyCodec.resilience(object("{\"max_attempts\": null}"), DEFAULTS))
                .isEqualTo(DEFAULTS);
    }

    @Test
    void resilienceOverridesOnlyWhatItSets() {
        assertThat(PolicyCodec.resilience(object("{\"max_attempts\": 1, \"jitter\": 0}"), DEFAULTS))
                .isEqualTo(new Resilience(1, 250, 2.0, 0, 5, 30_000, 60_000));
        assertThat(PolicyCodec.resilience(
                        object(
                                """
                {"max_attempts": 10, "backoff_ms": 60000, "multiplier": 1, "jitter": 1, "breaker_failures": 1000,
                 "breaker_cool_down_ms": 0, "quota_cool_down_ms": 3600000}
                """),
                        DEFAULTS))
                .isEqualTo(new Resilience(10, 60_000, 1.0, 1.0, 1000, 0, 3_600_000));
    }

    @Test
    void resilienceRoundTripsThroughJson() {
        Resilience custom = new Resilience(4, 100, 1.5, 0.1, 7, 10_000, 5_000);

        assertThat(PolicyCodec.resilience(PolicyCodec.json(custom).toString(), DEFAULTS))
                .isEqualTo(custom);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"max_attempts\": 0}                | resilience.max_attempts must be a whole number from 1 to 10",
                "{\"max_attempts\": 11}               | resilience.max_attempts",
                "{\"max_attempts\": 2.5}              | resilience.max_attempts",
                "{\"max_attempts\": \"3\"}            | resilience.max_attempts",
                "{\"backoff_ms\": -1}                 | resilience.backoff_ms must be a whole number from 0 to 60000",
                "{\"backoff_ms\": 60001}              | resilience.backoff_ms",
                "{\"multiplier\": 0.5}                | resilience.multiplier must be a number from 1.0 to 10.0",
                "{\"multiplier\": 10.5}               | resilience.multiplier",
                "{\"multiplier\": \"2\"}              | resilience.multiplier",
                "{\"jitter\": -0.1}                   | resilience.jitter must be a number from 0.0 to 1.0",
                "{\"jitter\": 1.01}                   | resilience.jitter",
                "{\"jitter\": false}                  | resilience.jitter",
                "{\"breaker_failures\": 0}            | resilience.breaker_failures must be a whole number from 1 to 1000",
                "{\"breaker_failures\": 1001}         | resilience.breaker_failures",
                "{\"breaker_cool_down_ms\": -5}       | resilience.breaker_cool_down_ms",
                "{\"breaker_cool_down_ms\": 3600001}  | resilience.breaker_cool_down_ms",
                "{\"quota_cool_down_ms\": -1}         | resilience.quota_cool_down_ms",
                "{\"quota_cool_down_ms\": 3600001}    | resilience.quota_cool_down_ms",
            })
    void anInvalidResilienceFieldIsRejectedByName(String json, String message) {
        rejected(() -> PolicyCodec.resilience(object(json), DEFAULTS), message);
    }

    @Test
    void storedJsonThatDoesNotParseIsAnInternalError() {
        assertThatThrownBy(() -> PolicyCodec.targets("[{"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Stored routing JSON does not parse");
    }
}
