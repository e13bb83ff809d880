package org.switchboard.core.providers.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * The OpenAI chat completions dialect (OpenAI, Azure OpenAI, vLLM, Ollama, DeepSeek, Qwen, ...): always
 * streamed with {@code stream_options.include_usage}, so a non-streaming client gets the same usage. The base
 * URL ends before {@code /chat/completions} (e.g. {@code https://api.openai.com/v1}). Settings:
 * {@code api_key_header} (default {@code Authorization} with {@code Bearer}; Azure uses {@code api-key}) and
 * {@code query} (appended to the URL, e.g. Azure's {@code api-version=2024-10-21}).
 */
public final class OpenAiCompatible implements ProviderAdapter {
    private final HttpClient http;

    public OpenAiCompatible(HttpClient http) {
        this.http = http;
    }

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
        String query = upstream.settings().getString("query", "");
        HttpRequest.Builder call = HttpRequest.newBuilder(
                        URI.create(upstream.url("/chat/completions") + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(OpenAiWire.request(request, upstream.model())));
        if (upstream.apiKey() != null) {
            String header = upstream.settings().getString("api_key_header", "Authorization");
            call.header(
                    header,
                    header.equalsIgnoreCase("Authorization") ? "Bearer " + upstream.apiKey() : upstream.apiKey());
        }
        OpenAiStreamReader reader = new OpenAiStreamReader(listener);
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(call.build(), reader);
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                reader.failed(failure);
            }
        });
        return () -> {
            reader.cancel();
            exchange.cancel(true);
        };
    }

    /** {@code GET /models} (https://platform.openai.com/docs/api-reference/models/list): the ids. */
    @Override
    public CompletableFuture<java.util.List<String>> models(Upstream upstream) {
        String query = upstream.settings().getString("query", "");
        HttpRequest.Builder call = HttpRequest.newBuilder(
                        URI.create(upstream.url("/models") + (query.isEmpty() ? "" : "?" + query)))
                .GET();
        if (upstream.apiKey() != null) {
            String header = upstream.settings().getString("api_key_header", "Authorization");
            call.header(header, header.equalsIgnoreCase("Authorization") ? "Bearer " + upstream.apiKey() : upstream.apiKey());
        }
        return http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CallFailure(new org.switchboard.core.providers.entity.ProviderFailure(
                                "upstream-unreachable", "The upstream could not be reached", 0));
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw new CallFailure(
                                UpstreamFailures.fromStatus(response.statusCode(), response.headers(), response.body()));
                    }
                    try {
                        return org.switchboard.core.platform.JsonP.createReader(new java.io.StringReader(response.body()))
                                .readObject()
                                .getJsonArray("data")
                                .getValuesAs(jakarta.json.JsonObject.class)
                                .stream()
                                .map(model -> model.getString("id"))
                                .sorted()
                                .toList();
                    } catch (RuntimeException malformed) {
                        throw new CallFailure(new org.switchboard.core.providers.entity.ProviderFailure(
                                "upstream-malformed", "The upstream's model list is not what OpenAI documents", 0));
                    }
                });
    }

    /** {@code POST /embeddings} (https://platform.openai.com/docs/api-reference/embeddings/create). */
    @Override
    public CompletableFuture<Embeddings> embed(Upstream upstream, java.util.List<String> inputs) {
        String query = upstream.settings().getString("query", "");
        var input = org.switchboard.core.platform.JsonP.createArrayBuilder();
        inputs.forEach(input::add);
        String body = org.switchboard.core.platform.JsonP.createObjectBuilder()
                .add("model", upstream.model())
                .add("input", input)
                .build()
                .toString();
        HttpRequest.Builder call = HttpRequest.newBuilder(
                        URI.create(upstream.url("/embeddings") + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (upstream.apiKey() != null) {
            String header = upstream.settings().getString("api_key_header", "Authorization");
            call.header(
                    header,
                    header.equalsIgnoreCase("Authorization") ? "Bearer " + upstream.apiKey() : upstream.apiKey());
        }
        return http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CallFailure(new org.switchboard.core.providers.entity.ProviderFailure(
                                "upstream-unreachable", "The upstream could not be reached", 0));
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw new CallFailure(UpstreamFailures.fromStatus(
                                response.statusCode(), response.headers(), response.body()));
                    }
                    try {
                        jakarta.json.JsonObject json = org.switchboard.core.platform.JsonP.createReader(
                                        new java.io.StringReader(response.body()))
                                .readObject();
                        java.util.List<double[]> vectors = new java.util.ArrayList<>();
                        for (jakarta.json.JsonObject item :
                                json.getJsonArray("data").getValuesAs(jakarta.json.JsonObject.class)) {
                            var numbers = item.getJsonArray("embedding");
                            double[] vector = new double[numbers.size()];
                            for (int i = 0; i < vector.length; i++) {
                                vector[i] = numbers.getJsonNumber(i).doubleValue();
                            }
                            vectors.add(vector);
                        }
                        int tokens = json.containsKey("usage")
                                ? json.getJsonObject("usage").getInt("prompt_tokens", 0)
                                : 0;
                        return new Embeddings(vectors, tokens);
                    } catch (RuntimeException malformed) {
                        throw new CallFailure(new org.switchboard.core.providers.entity.ProviderFailure(
                                "upstream-malformed",
                                "The upstream's embeddings answer is not what OpenAI documents",
                                0));
                    }
                });
    }
}
