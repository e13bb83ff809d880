package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.providers.control.SimulatorScript.Fault;

class SimulatorScriptTest {
    private final SimulatorScript defaults = new SimulatorScript(24, 0, 20, Fault.NONE, 0);

    @Test
    void hintsOverrideTheModelDefaults() {
        SimulatorScript script = defaults.withHints(Map.of(
                "simulator.tokens", "5",
                "simulator.delay-ms", "0",
                "simulator.latency-ms", "100",
                "simulator.fault", "Cut",
                "simulator.fault-after", "3"));

        assertThat(script).isEqualTo(new SimulatorScript(5, 100, 0, Fault.CUT, 3));
    }

    @Test
    void withoutHintsTheDefaultsStay() {
        assertThat(defaults.withHints(Map.of())).isEqualTo(defaults);
    }

    @Test
    void badHintsAreInvalidInput() {
        assertThatThrownBy(() -> defaults.withHints(Map.of("simulator.tokens", "-1")))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("tokens");
        assertThatThrownBy(() -> defaults.withHints(Map.of("simulator.delay-ms", "soon")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> defaults.withHints(Map.of("simulator.fault", "explode")))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("explode");
    }

    @Test
    void theTextIsDeterministicPerPrompt() {
        assertThat(Simulator.token(42, 0)).isEqualTo(Simulator.token(42, 0)).doesNotStartWith(" ");
        assertThat(Simulator.token(42, 1)).startsWith(" ");
    }
}
