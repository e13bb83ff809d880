package org.switchboard.core.accounts.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A console operator to create: a username, an initial password, and the tenant it administers; no tenant makes
 * a platform operator (every tenant, the global providers and policies, the operators).
 */
public record OperatorRequest(
        @NotNull
                @Pattern(
                        regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}",
                        message = "must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
                String username,
        @NotNull @Size(min = 12, max = 256, message = "must be 12 to 256 characters") String password,
        @Pattern(
                        regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                        message = "must be a tenant id: 1-64 letters, digits, '.', '_' or '-'")
                String tenant) {

    boolean platform() {
        return tenant == null;
    }
}
