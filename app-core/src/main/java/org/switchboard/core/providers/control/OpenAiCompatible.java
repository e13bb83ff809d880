package org.switchboard.core.providers.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ModelInfo;

/**
 * An OpenAI-compatible upstream (OpenAI, Azure OpenAI, vLLM, Ollama, DeepSeek, ...), streamed with
 * {@code stream_options.include_usage} over one pooled HTTP client. Configured by
 * {@code switchboard.providers.openai.base-url}, {@code .api-key} and {@code .models} (the model names it
 * serves, passed upstream as they are).
 */
@ApplicationScoped
public class OpenAiCompatible implements ChatProvider {
    private static final String OWNER = "openai-compatible";

    @Inject
    @ConfigProperty(name = "switchboard.providers.openai.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "switchboard.providers.openai.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "switchboard.providers.openai.models")
    Optional<String> modelNames;

    @Inject
    @ConfigProperty(name = "switchboard.runs.deadline.connect")
    Duration connectTimeout;

    @Inject
    org.switchboard.core.platform.ThreadPools pools;

    private HttpClient http;
    private Set<String> models = Set.of();

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .executor(pools.io())
                .version(HttpClient.Version.HTTP_2) // HTTP/2 where the upstream offers it, keep-alive otherwise
                .build();
        models = modelNames
                .map(names -> Arrays.stream(names.split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    boolean serves(String model) {
        return baseUrl.isPresent() && models.contains(model);
    }

    @Override
    public List<ModelInfo> models() {
        return baseUrl.isEmpty()
                ? List.of()
                : models.stream().sorted().map(id -> new ModelInfo(id, OWNER)).toList();
    }

    @Override
    public Generation generate(ChatRequest request, GenerationListener listener) {
        HttpRequest.Builder upstream = HttpRequest.newBuilder(URI.create(baseUrl.orElseThrow() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(OpenAiWire.request(request)));
        apiKey.ifPresent(key -> upstream.header("Authorization", "Bearer " + key));
        OpenAiStreamReader reader = new OpenAiStreamReader(listener);
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(upstream.build(), reader);
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
