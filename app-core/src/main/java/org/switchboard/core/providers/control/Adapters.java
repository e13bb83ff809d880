package org.switchboard.core.providers.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.ThreadPools;

/**
 * Every wire dialect, by the {@code kind} a provider names, sharing one pooled HTTP client: keep-alive
 * connections, HTTP/2 where the upstream offers it (negotiated by ALPN over TLS; HTTP/1.1 otherwise).
 */
@ApplicationScoped
public class Adapters {
    @Inject
    ThreadPools pools;

    @Inject
    @ConfigProperty(name = "switchboard.runs.deadline.connect")
    Duration connectTimeout;

    private Map<String, ProviderAdapter> byKind;

    @PostConstruct
    void init() {
        // The client's own selector thread runs the body subscribers: every callback on the token path is
        // non-blocking (parse, append to the run's log queue), and handing each chunk to another thread cost
        // more CPU than the parsing itself (measured with the benchmark).
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .executor(Runnable::run)
                .version(HttpClient.Version.HTTP_2)
                .build();
        byKind = List.of(
                        new Simulator(pools.timers()),
                        new OpenAiCompatible(http),
                        new AnthropicMessages(http),
                        new DifyApps(http),
                        new MappedAdapter(http))
                .stream()
                .collect(Collectors.toUnmodifiableMap(ProviderAdapter::kind, Function.identity()));
    }

    public Optional<ProviderAdapter> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public List<String> kinds() {
        return byKind.keySet().stream().sorted().toList();
    }
}
