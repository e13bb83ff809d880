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
import org.switchboard.core.routing.boundary.KeyRequest;
import org.switchboard.core.routing.boundary.KeyResponse;
import org.switchboard.core.routing.boundary.ProviderKeys;
import org.switchboard.web.security.Callers;

/** {@code /api/v1/admin/providers/{id}/keys}: a provider's API keys. Secrets go in, masks come out. */
@Path("api/v1/admin/providers/{providerId}/keys")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderKeysResource {
    @Inject
    ProviderKeys keys;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @PathParam("providerId")
    String providerId;

    @GET
    public Listing<KeyResponse> list() {
        return new Listing<>(keys.list(Callers.of(security), providerId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(InputStream body) {
        KeyResponse added = keys.add(Callers.of(security), providerId, RequestBodies.read(body, KeyRequest.class));
        return Response.created(uri.getAbsolutePathBuilder().path(added.id()).build())
                .entity(added)
                .build();
    }

    @PUT
    @Path("{keyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public KeyResponse update(@PathParam("keyId") String keyId, InputStream body) {
        return keys.update(Callers.of(security), providerId, keyId, RequestBodies.read(body, KeyRequest.class));
    }

    @DELETE
    @Path("{keyId}")
    public Response delete(@PathParam("keyId") String keyId) {
        keys.delete(Callers.of(security), providerId, keyId);
        return Response.noContent().build();
    }
}
