package org.switchboard.core.routing.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.metrics.boundary.RoutingMetrics;
import org.switchboard.core.platform.ApplicationStopping;
import org.switchboard.core.platform.SchemaReady;
import org.switchboard.core.platform.ThreadPools;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Target;

/**
 * This instance's in-memory copy of the routing configuration, which every request routes by without touching
 * the database. It polls {@code routing_version} every {@code switchboard.routing.refresh-interval} and reloads
 * when another instance (or a direct SQL change) moved it; a change made through this instance reloads at once.
 * A tenant's own provider or policy shadows a global one of the same name or alias.
 */
@ApplicationScoped
public class RoutingTable {
    private static final Logger LOG = Logger.getLogger(RoutingTable.class.getName());
    private static final String GLOBAL = "*";

    @Inject
    RoutingStore store;

    @Inject
    RoutingVersion version;

    @Inject
    ThreadPools pools;

    @Inject
    @ConfigProperty(name = "switchboard.routing.refresh-interval")
    Duration refreshInterval;

    @Inject
    ResilienceDefaults defaults;

    @Inject
    RoutingMetrics metrics;

    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private ScheduledFuture<?> poll;

    void start(@Observes SchemaReady ready) {
        reload();
        long millis = refreshInterval.toMillis();
        // the timer only ticks; the query runs on an I/O thread, never delaying the timers' token work
        poll = pools.timers()
                .scheduleWithFixedDelay(
                        () -> pools.io().execute(this::refreshIfChanged), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops polling as the application stops, before the store's EJBs go away under a poll in progress. */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ApplicationStopping stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** The route of {@code alias} for {@code tenant}: the tenant's own policy, else the global one. */
    public Optional<Route> route(String tenant, String alias) {
        Snapshot current = snapshot;
        Route route = current.routes.get(key(tenant, alias));
        return Optional.ofNullable(route != null ? route : current.routes.get(key(GLOBAL, alias)));
    }

    /** The aliases a tenant may name, sorted. */
    public List<String> aliases(String tenant) {
        Snapshot current = snapshot;
        return current.routes.entrySet().stream()
                .filter(e -> !e.getValue().targets().isEmpty()) // every target dropped out: nothing serves it
                .map(Map.Entry::getKey)
                .filter(k -> k.startsWith(tenant + "\u0000") || k.startsWith(GLOBAL + "\u0000"))
                .map(k -> k.substring(k.indexOf('\u0000') + 1))
                .distinct()
                .sorted()
                .toList();
    }

    public long version() {
        return snapshot.version;
    }

    /** Reloads now (after a change through this instance). */
    public synchronized void reload() {
        RoutingStore.Loaded loaded = store.loadAll();
        long loadedNanos = System.nanoTime();
        long before = snapshot.version;
        snapshot = compile(loaded, defaults.get());
        if (before >= 0 && loaded.version() != before && loaded.changedAgo() != null) {
            // from the change's write (the database's clock) until this instance routes by it
            metrics.switched(loaded.changedAgo().plusNanos(System.nanoTime() - loadedNanos));
        }
        LOG.fine(() -> "Routing table at version " + loaded.version());
    }

    private void refreshIfChanged() {
        try {
            if (version.current() != snapshot.version) {
                reload();
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the routing table failed; keeping the last one: " + e.getMessage());
        }
    }

    static Snapshot compile(RoutingStore.Loaded loaded, Resilience defaults) {
        Map<String, Provider> providers = new HashMap<>();
        for (Provider p : loaded.providers()) {
            if (p.enabled()) {
                providers.put(key(scope(p.tenantId()), p.name()), p);
            }
        }
        Map<Long, List<ProviderKey>> keys = new HashMap<>();
        for (ProviderKey k : loaded.keys()) {
            keys.computeIfAbsent(k.providerId(), id -> new ArrayList<>()).add(k);
        }
        Map<String, Route> routes = new HashMap<>();
        for (RoutingPolicy policy : loaded.policies()) {
            if (!policy.enabled()) {
                continue;
            }
            try {
                List<RouteTarget> targets = new ArrayList<>();
                for (Target target : policy.targets()) {
                    resolve(policy.tenantId(), target, providers, keys).ifPresent(targets::add);
                }
                targets.sort(Comparator.comparingInt(t -> t.configured().priority()));
                routes.put(
                        key(scope(policy.tenantId()), policy.alias()),
                        new Route(
                                policy.id(),
                                policy.alias(),
                                policy.strategy(),
                                List.copyOf(targets),
                                policy.resilience().over(defaults),
                                policy.deadlines()));
            } catch (RuntimeException e) {
                LOG.warning(
                        "Routing policy " + policy.id() + " (" + policy.alias() + ") is skipped: " + e.getMessage());
            }
        }
        return new Snapshot(loaded.version(), Map.copyOf(routes));
    }

    /** A target whose provider is missing or disabled, or whose key is not active, is left out of the route. */
    private static Optional<RouteTarget> resolve(
            String tenant, Target target, Map<String, Provider> providers, Map<Long, List<ProviderKey>> keys) {
        Provider provider = providers.get(key(scope(tenant), target.provider()));
        if (provider == null) {
            provider = providers.get(key(GLOBAL, target.provider()));
        }
        if (provider == null) {
            return Optional.empty();
        }
        List<ProviderKey> providerKeys = keys.getOrDefault(provider.id(), List.of());
        ProviderKey key = null;
        if (target.keyId() != null) {
            key = providerKeys.stream()
                    .filter(k -> k.id() == target.keyId())
                    .findFirst()
                    .orElse(null);
            if (key == null || !ProviderKey.ACTIVE.equals(key.status())) {
                return Optional.empty();
            }
        } else if (!providerKeys.isEmpty()) {
            key = providerKeys.stream()
                    .filter(k -> ProviderKey.ACTIVE.equals(k.status()))
                    .findFirst()
                    .orElse(null);
            if (key == null) {
                return Optional.empty(); // every key of the provider is flagged or disabled
            }
        }
        JsonObject settings = provider.settings();
        String id = provider.id() + ":" + target.model() + ":" + (key == null ? "-" : key.id());
        return Optional.of(new RouteTarget(
                id,
                provider.id(),
                provider.name(),
                provider.kind(),
                provider.baseUrl(),
                settings,
                target.model(),
                key,
                target));
    }

    private static String scope(String tenantId) {
        return tenantId == null ? GLOBAL : tenantId;
    }

    private static String key(String scope, String name) {
        return scope + "\u0000" + name;
    }

    record Snapshot(long version, Map<String, Route> routes) {
        static final Snapshot EMPTY = new Snapshot(-1, Map.of());
    }
}
