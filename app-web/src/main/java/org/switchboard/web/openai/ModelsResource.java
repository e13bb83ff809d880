package org.switchboard.web.openai;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.routing.boundary.Models;

/** {@code GET /v1/models} in OpenAI's list format. */
@Path("v1/models")
public class ModelsResource {
    @Inject
    Models models;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        JsonArrayBuilder data = JsonP.createArrayBuilder();
        models.list(org.switchboard.web.security.Callers.of(security))
                .forEach(model -> data.add(JsonP.createObjectBuilder()
                        .add("id", model.id())
                        .add("object", "model")
                        .add("created", 0)
                        .add("owned_by", model.ownedBy())));
        return JsonP.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .build()
                .toString();
    }
}
