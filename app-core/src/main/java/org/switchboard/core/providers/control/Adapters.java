package org.switchboard.core.providers.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.ThreadPools;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.NettyTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;

/**
 * Every wire dialect, by the {@code kind} a provider names, sharing one pooled HTTP client: keep-alive
 * connections, HTTP/2 where the upstream offers it (negotiated by ALPN over TLS; HTTP/1.1 otherwise). The streamed
 * chat calls go through the transport {@code switchboard.providers.http-client} names: {@code netty} (HTTP/1.1 with
 * keep-alive pools on one or two event loops of the container's managed threads, see {@link NettyTransport}) or
 * {@code jdk} (that same JDK client). One-shot calls (model lists, embeddings, Dify's stop) always use the JDK client.
 */
@ApplicationScoped
public class Adapters {
    @Inject
    ThreadPools pools;

    @Inject
    @ConfigProperty(name = "switchboard.runs.deadline.connect")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "switchboard.providers.http-client", defaultValue = "netty")
    String httpClient;

    @Inject
    @ConfigProperty(name = "switchboard.providers.netty.event-loops", defaultValue = "1")
    int eventLoops;

    @Resource
    ManagedThreadFactory threads;

    private Map<String, ProviderAdapter> byKind;
    private NettyTransport netty;

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
        StreamTransport streams = streams(http);
        byKind = List.of(
                        new Simulator(pools.timers()),
                        new OpenAiCompatible(http, streams),
                        new AnthropicMessages(streams),
                        new DifyApps(http, streams),
                        new MappedAdapter(streams))
                .stream()
                .collect(Collectors.toUnmodifiableMap(ProviderAdapter::kind, Function.identity()));
    }

    /** Stops Netty's event loops with the application (the JDK client has no way to be stopped on JDK 17). */
    @PreDestroy
    void stop() {
        if (netty != null) {
            netty.close();
        }
    }

    private StreamTransport streams(HttpClient http) {
        switch (httpClient.strip()) {
            case "jdk":
                return new JdkTransport(http);
            case "netty":
                try {
                    netty = new NettyTransport(
                            threads, eventLoops, connectTimeout, javax.net.ssl.SSLContext.getDefault());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("No default TLS context", e);
                }
                return netty;
            default:
                throw new IllegalArgumentException(
                        "switchboard.providers.http-client must be netty or jdk, not " + httpClient);
        }
    }

    public Optional<ProviderAdapter> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public List<String> kinds() {
        return byKind.keySet().stream().sorted().toList();
    }
}
