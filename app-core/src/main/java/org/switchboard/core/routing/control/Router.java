package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import org.switchboard.core.routing.entity.Embedded;

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
        return chatFor(tenant, alias).map(RoutedChat::provider);
    }

    /** The provider a run generates with and its policy's deadlines, from one route; empty if none serves it. */
    public Optional<RoutedChat> chatFor(String tenant, String alias) {
        return table.route(tenant, alias)
                .filter(route -> !route.targets().isEmpty())
                .map(route -> new RoutedChat(provider(route), route.deadlines()));
    }

    /**
     * Embeds {@code inputs} through the alias's route, retried and fallen back from like chat; empty when the alias
     * names no route of the tenant. The future fails with a {@link TargetFailed} when no target could serve.
     */
    public Optional<CompletableFuture<Embedded>> embed(String tenant, String alias, List<String> inputs) {
        return table.route(tenant, alias)
                .filter(route -> !route.targets().isEmpty())
                .map(route -> RoutedEmbeddings.embed(route, inputs, services));
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
