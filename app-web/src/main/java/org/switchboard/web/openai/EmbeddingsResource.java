package org.switchboard.web.openai;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.routing.boundary.Embeddings;
import org.switchboard.core.routing.entity.Embedded;
import org.switchboard.web.platform.JsonBodies;
import org.switchboard.web.security.Callers;

/**
 * {@code POST /v1/embeddings} in OpenAI's format (https://platform.openai.com/docs/api-reference/embeddings),
 * routed like chat: the model is an alias, retried and fallen back from by the same policy as chat (nothing
 * streams, so every failure before the answer may fall back). Vectors as float arrays or, with
 * {@code encoding_format=base64}, as OpenAI's base64 float32.
 */
@Path("v1/embeddings")
public class EmbeddingsResource {
    private static final int MAX_INPUTS = 2048;

    @Inject
    Embeddings embeddings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void embed(InputStream body, @Context SecurityContext security, @Suspended AsyncResponse async) {
        JsonObject json = JsonBodies.readObject(body);
        if (!(json.get("model") instanceof JsonString model)
                || model.getString().isBlank()) {
            throw new InvalidInput("invalid-request", "model is required: the alias to embed with");
        }
        String format = json.getString("encoding_format", "float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw new InvalidInput("invalid-request", "encoding_format must be 'float' or 'base64'");
        }
        boolean base64 = format.equals("base64");
        List<String> inputs = inputs(json.get("input"));
        String alias = model.getString();
        embeddings.embed(Callers.of(security).tenant(), alias, inputs).whenComplete((embedded, failure) -> {
            if (failure == null) {
                async.resume(Response.ok(answer(alias, embedded, base64), MediaType.APPLICATION_JSON)
                        .build());
            } else {
                async.resume(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        });
    }

    private static List<String> inputs(JsonValue input) {
        List<String> inputs = new ArrayList<>();
        if (input instanceof JsonString text) {
            inputs.add(text.getString());
        } else if (input != null && input.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : input.asJsonArray()) {
                if (!(item instanceof JsonString text)) {
                    throw new InvalidInput("invalid-request", "input must be a string or an array of strings");
                }
                inputs.add(text.getString());
            }
        }
        if (inputs.isEmpty() || inputs.size() > MAX_INPUTS) {
            throw new InvalidInput(
                    "invalid-request", "input must be a string or an array of 1 to " + MAX_INPUTS + " strings");
        }
        return inputs;
    }

    private static String answer(String alias, Embedded embedded, boolean base64) {
        JsonArrayBuilder data = JsonP.createArrayBuilder();
        List<double[]> vectors = embedded.vectors();
        for (int i = 0; i < vectors.size(); i++) {
            var item = JsonP.createObjectBuilder().add("object", "embedding").add("index", i);
            if (base64) {
                // OpenAI's base64 format: the float32 values, little-endian, base64-encoded
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(vectors.get(i).length * Float.BYTES)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (double value : vectors.get(i)) {
                    bytes.putFloat((float) value);
                }
                item.add("embedding", java.util.Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                JsonArrayBuilder vector = JsonP.createArrayBuilder();
                for (double value : vectors.get(i)) {
                    vector.add(value);
                }
                item.add("embedding", vector);
            }
            data.add(item);
        }
        int tokens = embedded.inputTokens();
        return JsonP.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .add("model", alias)
                .add(
                        "usage",
                        JsonP.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
                .build()
                .toString();
    }
}
