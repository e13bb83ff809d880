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
}
