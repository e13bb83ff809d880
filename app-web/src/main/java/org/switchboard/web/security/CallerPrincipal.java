package org.switchboard.web.security;

import java.security.Principal;
import org.switchboard.core.tenants.entity.Caller;

/** The authenticated caller as a JAX-RS principal. */
public record CallerPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
        return caller.user();
    }
}
