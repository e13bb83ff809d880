package org.switchboard.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.switchboard.core.routing.boundary.PolicyRequest;
import org.switchboard.core.routing.boundary.PolicyResponse;
import org.switchboard.core.routing.boundary.RoutingPolicies;
import org.switchboard.web.security.Callers;

/** {@code /api/v1/admin/policies}: model aliases and their targets; see {@link RoutingPolicies}. */
@Path("api/v1/admin/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {
    @Inject
    RoutingPolicies policies;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public Listing<PolicyResponse> list() {
        return new Listing<>(policies.list(Callers.of(security)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        PolicyResponse created = policies.create(Callers.of(security), RequestBodies.read(body, PolicyRequest.class));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public PolicyResponse get(@PathParam("id") String id) {
        return policies.get(Callers.of(security), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyResponse update(@PathParam("id") String id, InputStream body) {
        return policies.update(Callers.of(security), id, RequestBodies.read(body, PolicyRequest.class));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        policies.delete(Callers.of(security), id);
        return Response.noContent().build();
    }
}
