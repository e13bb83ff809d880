package org.switchboard.core.accounts.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new password for an operator (a reset by a platform admin). */
public record PasswordRequest(
        @NotNull @Size(min = 12, max = 256, message = "must be 12 to 256 characters") String password) {}
