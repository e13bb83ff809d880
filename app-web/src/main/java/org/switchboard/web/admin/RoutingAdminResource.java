package org.switchboard.web.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.net.URI;
import java.util.List;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.routing.boundary.RoutingAdmin;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.web.platform.JsonBodies;
import org.switchboard.web.security.Callers;

/**
 * {@code /api/v1/admin}: providers and their keys, routing policies, and this instance's view of target
 * health. Admin role only; see {@link RoutingAdmin} for scopes. Secrets go in, masks come out.
 */
@Path("api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingAdminResource {
    @Inject
    RoutingAdmin admin;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Path("providers")
    public String providers() {
        return list(admin.providers(caller()));
    }

    @POST
    @Path("providers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProvider(InputStream body) {
        return created(admin.createProvider(caller(), JsonBodies.readObject(body)));
    }

    @GET
    @Path("providers/{id}")
    public String provider(@PathParam("id") String id) {
        return admin.provider(caller(), id).toString();
    }

    @PUT
    @Path("providers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String updateProvider(@PathParam("id") String id, InputStream body) {
        return admin.updateProvider(caller(), id, JsonBodies.readObject(body)).toString();
    }

    @DELETE
    @Path("providers/{id}")
    public Response deleteProvider(@PathParam("id") String id) {
        admin.deleteProvider(caller(), id);
        return Response.noContent().build();
    }

    /** The models the upstream lists, asked with the provider's key: a connection test. 502 when it fails. */
    @GET
    @Path("providers/{id}/models")
    public void upstreamModels(
            @PathParam("id") String id,
            @jakarta.ws.rs.container.Suspended jakarta.ws.rs.container.AsyncResponse async) {
        admin.upstreamModels(caller(), id).whenComplete((models, failure) -> {
            if (failure == null) {
                JsonArrayBuilder data = JsonP.createArrayBuilder();
                models.forEach(model -> data.add(JsonP.createObjectBuilder().add("id", model)));
                async.resume(
                        JsonP.createObjectBuilder().add("data", data).build().toString());
                return;
            }
            Throwable cause =
                    failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            async.resume(
                    cause instanceof org.switchboard.core.providers.control.ProviderAdapter.CallFailure call
                            ? new org.switchboard.core.platform.BadGateway(
                                    call.failure().type(), call.failure().detail())
                            : cause);
        });
    }

    @GET
    @Path("providers/{id}/keys")
    public String keys(@PathParam("id") String id) {
        return list(admin.keys(caller(), id));
    }

    @POST
    @Path("providers/{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addKey(@PathParam("id") String id, InputStream body) {
        return created(admin.addKey(caller(), id, JsonBodies.readObject(body)));
    }

    @PUT
    @Path("providers/{id}/keys/{keyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String updateKey(@PathParam("id") String id, @PathParam("keyId") String keyId, InputStream body) {
        return admin.updateKey(caller(), id, keyId, JsonBodies.readObject(body)).toString();
    }

    @DELETE
    @Path("providers/{id}/keys/{keyId}")
    public Response deleteKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        admin.deleteKey(caller(), id, keyId);
        return Response.noContent().build();
    }

    @POST
    @Path("keys/reseal")
    public String resealKeys() {
        return admin.resealKeys(caller()).toString();
    }

    @GET
    @Path("policies")
    public String policies() {
        return list(admin.policies(caller()));
    }

    @POST
    @Path("policies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPolicy(InputStream body) {
        return created(admin.createPolicy(caller(), JsonBodies.readObject(body)));
    }

    @GET
    @Path("policies/{id}")
    public String policy(@PathParam("id") String id) {
        return admin.policy(caller(), id).toString();
    }

    @PUT
    @Path("policies/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String updatePolicy(@PathParam("id") String id, InputStream body) {
        return admin.updatePolicy(caller(), id, JsonBodies.readObject(body)).toString();
    }

    @DELETE
    @Path("policies/{id}")
    public Response deletePolicy(@PathParam("id") String id) {
        admin.deletePolicy(caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("routing/health")
    public String health() {
        JsonArrayBuilder data = JsonP.createArrayBuilder();
        admin.health(caller()).forEach(state -> {
            var json = JsonP.createObjectBuilder()
                    .add("target", state.target())
                    .add("label", state.label())
                    .add("breaker", state.breaker())
                    .add("resting_ms", state.restingMillis());
            if (state.ttftMillis() != null) {
                json.add("ttft_ewma_ms", state.ttftMillis());
            }
            data.add(json);
        });
        return JsonP.createObjectBuilder().add("data", data).build().toString();
    }

    private Caller caller() {
        return Callers.of(security);
    }

    private Response created(JsonObject json) {
        URI location = uri.getAbsolutePathBuilder().path(json.getString("id")).build();
        return Response.created(location).entity(json.toString()).build();
    }

    private static String list(List<JsonObject> items) {
        JsonArrayBuilder data = JsonP.createArrayBuilder();
        items.forEach(data::add);
        return JsonP.createObjectBuilder().add("data", data).build().toString();
    }
}
