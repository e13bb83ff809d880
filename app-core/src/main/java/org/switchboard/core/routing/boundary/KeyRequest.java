package org.switchboard.core.routing.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.ViolationType;

/**
 * A provider key to add ({@code secret} required, {@code label} defaults to {@code key}), or what to change of
 * one: a new label, {@code active}/{@code disabled}, or a new secret. The secret is never shown again.
 */
@ViolationType("invalid-key")
public record KeyRequest(
        @Size(min = 1, max = 128) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String label,
        @NotNull(groups = OnCreate.class)
                @Size(min = 1, max = 2048)
                @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                String secret,
        @Pattern(regexp = "active|disabled", message = "must be 'active' or 'disabled'") String status) {

    String labelOrDefault() {
        return label == null ? "key" : label;
    }
}
