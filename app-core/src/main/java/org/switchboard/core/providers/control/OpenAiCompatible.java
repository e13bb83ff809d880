package org.switchboard.core.providers.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.control.transport.UpstreamCall;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;

/**
 * The OpenAI chat completions dialect (OpenAI, Azure OpenAI, vLLM, Ollama, DeepSeek, Qwen, ...): always
 * streamed with {@code stream_options.include_usage}, so a non-streaming client gets the same usage; also
 * embeddings and the model list. The base URL ends before {@code /chat/completions} (e.g.
 * {@code https://api.openai.com/v1}). Settings: {@code api_key_header} (default {@code Authorization} with
 * {@code Bearer}; Azure uses {@code api-key}) and {@code query} (appended to the URL, e.g. Azure's
 * {@code api-version=2024-10-21}).
 */
public final class OpenAiCompatible implements ProviderAdapter {
    private final HttpClient http;
    private final StreamTransport streams;

    /** Streams through {@code http} as well. */
    public OpenAiCompatible(HttpClient http) {
        this(http, new JdkTransport(http));
    }

    /** One-shot calls through {@code http}, streamed chat calls through {@code streams}. */
    public OpenAiCompatible(HttpClient http, StreamTransport streams) {
        this.http = http;
        this.streams = streams;
    }

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
        UpstreamCall call = UpstreamCall.post(
                        uri(upstream, "/chat/completions"), OpenAiWire.request(request, upstream.model()))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream");
        authorize(upstream, call::header);
        return new OpenAiStreamReader(listener).start(streams, call);
    }

    /** {@code GET /models} (https://platform.openai.com/docs/api-reference/models/list): the ids. */
    @Override
    public CompletableFuture<List<String>> models(Upstream upstream) {
        return exchange(
                call(upstream, "/models").GET().build(),
                "model list",
                json -> json.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                        .map(model -> model.getString("id"))
                        .sorted()
                        .toList());
    }

    /** {@code POST /embeddings} (https://platform.openai.com/docs/api-reference/embeddings/create). */
    @Override
    public CompletableFuture<Embeddings> embed(Upstream upstream, List<String> inputs) {
        var input = JsonP.createArrayBuilder();
        inputs.forEach(input::add);
        String body = JsonP.createObjectBuilder()
                .add("model", upstream.model())
                .add("input", input)
                .build()
                .toString();
        HttpRequest call = call(upstream, "/embeddings")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return exchange(call, "embeddings answer", json -> {
            List<double[]> vectors = new ArrayList<>();
            for (JsonObject item : json.getJsonArray("data").getValuesAs(JsonObject.class)) {
                JsonArray numbers = item.getJsonArray("embedding");
                double[] vector = new double[numbers.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = numbers.getJsonNumber(i).doubleValue();
                }
                vectors.add(vector);
            }
            int tokens = json.containsKey("usage") ? json.getJsonObject("usage").getInt("prompt_tokens", 0) : 0;
            return new Embeddings(vectors, tokens);
        });
    }

    /** A request to {@code path} under the base URL, with the settings' query and the key as configured. */
    private static HttpRequest.Builder call(Upstream upstream, String path) {
        HttpRequest.Builder call = HttpRequest.newBuilder(uri(upstream, path));
        authorize(upstream, call::header);
        return call;
    }

    private static URI uri(Upstream upstream, String path) {
        String query = upstream.settings().getString("query", "");
        return URI.create(upstream.url(path) + (query.isEmpty() ? "" : "?" + query));
    }

    /** The key, in the header the settings name. */
    private static void authorize(Upstream upstream, BiConsumer<String, String> header) {
        if (upstream.apiKey() != null) {
            String name = upstream.settings().getString("api_key_header", "Authorization");
            header.accept(
                    name, name.equalsIgnoreCase("Authorization") ? "Bearer " + upstream.apiKey() : upstream.apiKey());
        }
    }

    /** A one-shot JSON exchange: the parsed answer, or a classified {@link CallFailure}. */
    private <T> CompletableFuture<T> exchange(HttpRequest request, String what, Function<JsonObject, T> parse) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                throw new CallFailure(
                        new ProviderFailure("upstream-unreachable", "The upstream could not be reached", 0));
            }
            if (response.statusCode() / 100 != 2) {
                throw new CallFailure(
                        UpstreamFailures.fromStatus(response.statusCode(), response.headers(), response.body()));
            }
            try {
                return parse.apply(JsonP.parseObject(response.body()));
            } catch (RuntimeException malformed) {
                throw new CallFailure(new ProviderFailure(
                        "upstream-malformed", "The upstream's " + what + " is not what OpenAI documents", 0));
            }
        });
    }
}
