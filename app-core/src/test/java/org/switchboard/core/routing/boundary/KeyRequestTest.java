package org.switchboard.core.routing.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.routing.boundary.Validators.changeViolations;
import static org.switchboard.core.routing.boundary.Validators.createViolations;

import org.junit.jupiter.api.Test;

/** What a provider key request must hold: a secret when the key is added, sane labels and statuses always. */
class KeyRequestTest {
    @Test
    void aNewKeyNeedsASecretAndNothingElse() {
        assertThat(createViolations(new KeyRequest(null, "sk-1", null))).isEmpty();
        assertThat(createViolations(new KeyRequest("main", null, null))).containsExactly("secret");
        assertThat(new KeyRequest(null, "sk-1", null).labelOrDefault()).isEqualTo("key");
    }

    @Test
    void aChangeNeedsNoSecret() {
        assertThat(changeViolations(new KeyRequest(null, null, "disabled"))).isEmpty();
    }

    @Test
    void blankOrOverlongValuesAreRefused() {
        assertThat(changeViolations(new KeyRequest("  ", " ", null))).containsExactly("label", "secret");
        assertThat(changeViolations(new KeyRequest("x".repeat(129), "s".repeat(2049), null)))
                .containsExactly("label", "secret");
        assertThat(changeViolations(new KeyRequest("x".repeat(128), "s".repeat(2048), null)))
                .isEmpty();
    }

    @Test
    void onlyActiveOrDisabledMayBeSet() {
        assertThat(changeViolations(new KeyRequest(null, null, "active"))).isEmpty();
        assertThat(changeViolations(new KeyRequest(null, null, "flagged"))).containsExactly("status");
    }
}
