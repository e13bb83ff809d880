package org.switchboard.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.switchboard.core.routing.boundary.ProviderKeys;
import org.switchboard.core.routing.boundary.ResealResponse;
import org.switchboard.web.security.Callers;

/** {@code /api/v1/admin/keys/reseal}: every key the caller may change, re-sealed under the current master key. */
@Path("api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
    @Inject
    ProviderKeys keys;

    @Context
    SecurityContext security;

    @POST
    @Path("reseal")
    public ResealResponse reseal() {
        return keys.reseal(Callers.of(security));
    }
}
