package org.switchboard.core.routing.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.routing.boundary.Validators.changeViolations;
import static org.switchboard.core.routing.boundary.Validators.createViolations;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a provider request must hold, as Bean Validation checks it at the boundary. */
class ProviderRequestTest {
    private static ProviderRequest provider(String name, String kind, String baseUrl) {
        return new ProviderRequest(name, kind, baseUrl, JsonValue.EMPTY_JSON_OBJECT, null, null);
    }

    @Test
    void aCompleteProviderIsValid() {
        assertThat(createViolations(provider("openai", "openai", "https://api.openai.com/v1")))
                .isEmpty();
        assertThat(createViolations(provider("sim.1:a_b-c", "simulator", null))).isEmpty();
    }

    @Test
    void aNewProviderNeedsANameAndAKind() {
        assertThat(createViolations(provider(null, null, null))).containsExactly("kind", "name");
    }

    @Test
    void aChangeMayLeaveOutWhatItKeeps() {
        assertThat(changeViolations(provider(null, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-leading-dash",
                "has space",
                "slash/in",
                "x12345678901234567890123456789012345678901234567890123456789012345"
            })
    void aNameOutsideThePatternIsRefused(String name) {
        assertThat(createViolations(provider(name, "simulator", null))).containsExactly("name");
    }

    @Test
    void anUnknownKindIsRefusedListingTheKnownOnes() {
        var violations = Validators.validate(provider("x", "telepathy", "https://x.example"));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("kind");
            assertThat(v.getMessage()).isEqualTo("must be one of " + Validators.KINDS);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://files.example/v1", "https://", "/v1"})
    void anHttpProviderNeedsAnHttpUrl(String baseUrl) {
        assertThat(createViolations(provider("p", "openai", baseUrl))).containsExactly("baseUrl");
    }

    @Test
    void anHttpProviderWithoutUrlIsRefusedOnTheUrl() {
        assertThat(createViolations(provider("p", "openai", null))).containsExactly("baseUrl");
    }
}
