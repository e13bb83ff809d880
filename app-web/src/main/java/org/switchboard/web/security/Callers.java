package org.switchboard.web.security;

import jakarta.ws.rs.core.SecurityContext;
import org.switchboard.core.tenants.entity.Caller;

/** The authenticated caller of the current request, as {@link BearerTokenFilter} established it. */
public final class Callers {
    private Callers() {}

    public static Caller of(SecurityContext context) {
        return ((CallerPrincipal) context.getUserPrincipal()).caller();
    }
}
