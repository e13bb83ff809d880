package org.switchboard.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.switchboard.core.routing.boundary.RoutingPolicies;
import org.switchboard.core.routing.boundary.TargetStatus;
import org.switchboard.web.security.Callers;

/** {@code /api/v1/admin/routing/health}: this instance's view of every target (breaker, rest, latency). */
@Path("api/v1/admin/routing/health")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingHealthResource {
    @Inject
    RoutingPolicies policies;

    @Context
    SecurityContext security;

    @GET
    public Listing<TargetStatus> health() {
        return new Listing<>(policies.health(Callers.of(security)));
    }
}
