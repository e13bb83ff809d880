package org.switchboard.web.webhooks;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.webhooks.boundary.Webhooks;
import org.switchboard.web.security.Callers;

/** {@code GET /api/v1/webhooks/secret}: the tenant's Standard Webhooks signing secret (tenant admins only). */
@Path("api/v1/webhooks/secret")
public class WebhookSecretResource {
    @Inject
    Webhooks webhooks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String secret(@Context SecurityContext security) {
        return JsonP.createObjectBuilder()
                .add("secret", webhooks.secret(Callers.of(security)))
                .build()
                .toString();
    }
}
