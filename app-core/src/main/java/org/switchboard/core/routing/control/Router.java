package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.keys.KeyVault;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.ThreadPools;
import org.switchboard.core.providers.control.Adapters;
import org.switchboard.core.providers.control.ChatProvider;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatRequest;

/** Resolves a tenant's model alias to a routed provider the run engine generates with. */
@ApplicationScoped
public class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    @Inject
    RoutingTable table;

    @Inject
    Adapters adapters;

    @Inject
    KeyVault vault;

    @Inject
    RoutingStore store;

    @Inject
    TargetHealth health;

    @Inject
    ThreadPools pools;

    private final RoutedGeneration.Services services = new RoutedGeneration.Services() {
        @Override
        public ProviderAdapter adapter(String kind) {
            return adapters.forKind(kind).orElseThrow(() -> new IllegalStateException("No adapter of kind " + kind));
        }

        @Override
        public Upstream upstream(RouteTarget target) {
            String key = target.key() == null
                    ? null
                    : vault.open(
                            target.key().ciphertext(),
                            target.key().id(),
                            target.key().masterKeyId());
            return new Upstream(target.baseUrl(), key, target.model(), target.settings());
        }

        @Override
        public void flagKey(RouteTarget target, String reason) {
            if (target.key() == null) {
                return;
            }
            long keyId = target.key().id();
            LOG.warning("Provider key " + keyId + " (" + target.key().mask() + ") of " + target.label()
                    + " was refused by the upstream and is flagged: " + reason);
            pools.io().execute(() -> {
                try {
                    store.flag(keyId, reason);
                    table.reload();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Flagging provider key " + keyId + " failed", e);
                }
            });
        }

        @Override
        public TargetHealth health() {
            return health;
        }

        @Override
        public ScheduledExecutorService timers() {
            return pools.timers();
        }
    };

    public Optional<ChatProvider> providerFor(String tenant, String alias) {
        return table.route(tenant, alias)
                .filter(route -> !route.targets().isEmpty())
                .map(this::provider);
    }

    /**
     * Embeds {@code inputs} through the alias's route: targets in the strategy's order, the next one after a
     * failure unless the request itself was refused (bad request). Completes exceptionally with
     * {@link ModelNotFoundException} or {@link ProviderAdapter.CallFailure}.
     */
    public java.util.concurrent.CompletableFuture<Embedded> embed(
            String tenant, String alias, java.util.List<String> inputs) {
        Route route = table.route(tenant, alias).orElse(null);
        if (route == null || route.targets().isEmpty()) {
            return java.util.concurrent.CompletableFuture.failedFuture(new ModelNotFoundException(alias));
        }
        return embed(route, health.order(route), 0, inputs, null);
    }

    private java.util.concurrent.CompletableFuture<Embedded> embed(
            Route route,
            java.util.List<RouteTarget> order,
            int index,
            java.util.List<String> inputs,
            ProviderAdapter.CallFailure last) {
        for (int i = index; i < order.size(); i++) {
            RouteTarget target = order.get(i);
            if (!health.admits(target, route.resilience())) {
                continue;
            }
            int next = i + 1;
            Upstream upstream;
            try {
                upstream = services.upstream(target);
            } catch (org.switchboard.core.keys.KeyUnavailable e) {
                continue;
            }
            return services.adapter(target.kind())
                    .embed(upstream, inputs)
                    .thenApply(result -> {
                        health.succeeded(target, route.resilience());
                        return new Embedded(result, target.label());
                    })
                    .exceptionallyCompose(thrown -> {
                        Throwable cause =
                                thrown instanceof java.util.concurrent.CompletionException ? thrown.getCause() : thrown;
                        if (!(cause instanceof ProviderAdapter.CallFailure failure)) {
                            return java.util.concurrent.CompletableFuture.failedFuture(cause);
                        }
                        switch (failure.failure().type()) {
                            case "upstream-bad-request" -> {
                                return java.util.concurrent.CompletableFuture.failedFuture(failure);
                            }
                            case "upstream-auth" -> services.flagKey(
                                    target, failure.failure().detail());
                            case "upstream-quota" -> health.rest(
                                    target,
                                    route.resilience(),
                                    failure.failure().retryAfter());
                            default -> health.failed(target, route.resilience());
                        }
                        return embed(route, order, next, inputs, failure);
                    });
        }
        return java.util.concurrent.CompletableFuture.failedFuture(
                last != null
                        ? last
                        : new ProviderAdapter.CallFailure(new org.switchboard.core.providers.entity.ProviderFailure(
                                "no-target-available", "No target of '" + route.alias() + "' is available", 0)));
    }

    /** Embeddings and the target that made them. */
    public record Embedded(ProviderAdapter.Embeddings embeddings, String servedBy) {}

    /** The alias names no routing policy of the tenant. */
    public static final class ModelNotFoundException extends RuntimeException {
        public ModelNotFoundException(String alias) {
            super(alias, null, false, false);
        }
    }

    private ChatProvider provider(Route route) {
        return new ChatProvider() {
            @Override
            public void validate(ChatRequest request) {
                RouteTarget first = route.targets().get(0);
                ProviderAdapter adapter = adapters.forKind(first.kind())
                        .orElseThrow(() -> new InvalidInput(
                                "unknown-provider-kind", "The provider of this model has an unknown kind"));
                adapter.validate(new Upstream(first.baseUrl(), null, first.model(), first.settings()), request);
            }

            @Override
            public Generation generate(ChatRequest request, GenerationListener listener) {
                RoutedGeneration generation = new RoutedGeneration(route, request, listener, services);
                generation.start();
                return generation;
            }
        };
    }
}
