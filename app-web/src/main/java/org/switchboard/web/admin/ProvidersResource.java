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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
import org.switchboard.core.routing.boundary.ProviderRequest;
import org.switchboard.core.routing.boundary.ProviderResponse;
import org.switchboard.core.routing.boundary.Providers;
import org.switchboard.web.security.Callers;

/** {@code /api/v1/admin/providers}: upstream endpoints; see {@link Providers} for roles and scopes. */
@Path("api/v1/admin/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {
    @Inject
    Providers providers;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public Listing<ProviderResponse> list() {
        return new Listing<>(providers.list(Callers.of(security)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        ProviderResponse created =
                providers.create(Callers.of(security), RequestBodies.read(body, ProviderRequest.class));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public ProviderResponse get(@PathParam("id") String id) {
        return providers.get(Callers.of(security), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProviderResponse update(@PathParam("id") String id, InputStream body) {
        return providers.update(Callers.of(security), id, RequestBodies.read(body, ProviderRequest.class));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        providers.delete(Callers.of(security), id);
        return Response.noContent().build();
    }

    /** The models the upstream lists, asked with the provider's key: a connection test. 502 when it fails. */
    @GET
    @Path("{id}/models")
    public void upstreamModels(@PathParam("id") String id, @Suspended AsyncResponse async) {
        providers.upstreamModels(Callers.of(security), id).whenComplete((models, failure) -> {
            if (failure == null) {
                async.resume(
                        new Listing<>(models.stream().map(UpstreamModel::new).toList()));
            } else {
                async.resume(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        });
    }

    /** One model an upstream serves. */
    public record UpstreamModel(String id) {}
}
