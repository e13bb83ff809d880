package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.platform.InvalidInput;

class JsonBodiesTest {
    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 100_000})
    void aBodyNestedBeyondTheParsersLimitIsMalformedJson(int depth) {
        assertThatThrownBy(() -> JsonBodies.readObject(body("[".repeat(depth))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("malformed-json"));
        assertThatThrownBy(() -> JsonBodies.readObject(body("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("malformed-json"));
    }

    /** Parsson refuses a number longer than 1,100 characters (a plain RuntimeException) before BigDecimal's slow parse. */
    @ParameterizedTest
    @ValueSource(ints = {60_000, 1_000_000})
    void aNumberOfTooManyDigitsIsMalformedJsonAtOnce(int digits) {
        assertThatThrownBy(() -> JsonBodies.readObject(body("{\"temperature\":" + "1".repeat(digits) + "}")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("malformed-json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"a\":", "[1,2]", "\"text\"", "{\"a\":1}}", "\u0000"})
    void anythingButOneObjectIsMalformedJson(String text) {
        assertThatThrownBy(() -> JsonBodies.readObject(body(text)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.type()).isEqualTo("malformed-json"));
    }
}
