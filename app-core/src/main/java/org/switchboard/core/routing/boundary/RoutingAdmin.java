package org.switchboard.core.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.core.keys.KeyVault;
import org.switchboard.core.keys.MasterKeys;
import org.switchboard.core.platform.Forbidden;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.control.Adapters;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.routing.control.PolicyCodec;
import org.switchboard.core.routing.control.ResilienceDefaults;
import org.switchboard.core.routing.control.RoutingStore;
import org.switchboard.core.routing.control.RoutingTable;
import org.switchboard.core.routing.control.TargetHealth;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Target;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The admin API behind {@code /api/v1/admin/...}: providers, their keys and routing policies. Tenant admins
 * ({@code admin} role) manage their tenant's rows and read the global ones; only platform admins
 * ({@code platform-admin} role) change global rows ({@code "scope": "global"}). Another tenant's row answers
 * 404. A key's secret goes in once and never comes out: answers show its mask. Every change takes effect for
 * new requests on this instance at once and on the others within {@code switchboard.routing.refresh-interval}.
 */
@Stateless
@TenantScoped
public class RoutingAdmin {
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Set<String> KEY_STATUSES = Set.of(ProviderKey.ACTIVE, ProviderKey.DISABLED);

    @Inject
    RoutingStore store;

    @Inject
    RoutingTable table;

    @Inject
    Adapters adapters;

    @Inject
    KeyVault vault;

    @Inject
    ResilienceDefaults defaults;

    @Inject
    TargetHealth health;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    // ---- providers

    public List<JsonObject> providers(Caller caller) {
        requireAdmin(caller);
        return store.providers(caller.tenant()).stream().map(this::json).toList();
    }

    public JsonObject provider(Caller caller, String id) {
        return json(readable(caller, Provider.class, id));
    }

    public JsonObject createProvider(Caller caller, JsonObject body) {
        String tenant = scope(caller, body);
        ProviderFields fields = providerFields(body, null);
        requireUniqueProvider(tenant, fields.name, null);
        Provider provider = new Provider(Ids.next(), tenant, fields.name, fields.kind, fields.baseUrl, fields.settings);
        store.persist(provider);
        changed();
        return json(provider);
    }

    public JsonObject updateProvider(Caller caller, String id, JsonObject body) {
        Provider provider = writable(caller, Provider.class, id);
        ProviderFields fields = providerFields(body, provider);
        requireUniqueProvider(provider.tenantId(), fields.name, provider.id());
        provider.update(
                fields.name, fields.kind, fields.baseUrl, fields.settings, bool(body, "enabled", provider.enabled()));
        store.merge(provider);
        changed();
        return json(provider);
    }

    public void deleteProvider(Caller caller, String id) {
        Provider provider = writable(caller, Provider.class, id);
        store.remove(Provider.class, provider.id());
        changed();
    }

    /**
     * Asks the upstream which models it serves, with the provider's first active key: the admin's test of a
     * provider's URL and key. Completes exceptionally with a {@link ProviderAdapter.CallFailure}.
     */
    public java.util.concurrent.CompletableFuture<List<String>> upstreamModels(Caller caller, String id) {
        Provider provider = readable(caller, Provider.class, id);
        ProviderAdapter adapter = adapters.forKind(provider.kind()).orElseThrow();
        String key = store.keys(provider.id()).stream()
                .filter(k -> ProviderKey.ACTIVE.equals(k.status()))
                .findFirst()
                .map(k -> vault.open(k.ciphertext(), k.id(), k.masterKeyId()))
                .orElse(null);
        JsonObject settings = JsonP.parseObject(provider.settings());
        return adapter.models(new Upstream(provider.baseUrl() == null ? "" : provider.baseUrl(), key, "", settings))
                .exceptionallyCompose(failure -> {
                    Throwable cause =
                            failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                    if (key != null
                            && cause instanceof ProviderAdapter.CallFailure call
                            && call.failure().detail().contains(key)) {
                        var f = call.failure();
                        cause = new ProviderAdapter.CallFailure(
                                new org.switchboard.core.providers.entity.ProviderFailure(
                                        f.type(),
                                        f.detail().replace(key, "[key]"),
                                        f.upstreamStatus(),
                                        f.retryAfter()));
                    }
                    return java.util.concurrent.CompletableFuture.failedFuture(cause);
                });
    }

    // ---- keys

    public List<JsonObject> keys(Caller caller, String providerId) {
        Provider provider = readable(caller, Provider.class, providerId);
        return store.keys(provider.id()).stream().map(RoutingAdmin::json).toList();
    }

    public JsonObject addKey(Caller caller, String providerId, JsonObject body) {
        Provider provider = writable(caller, Provider.class, providerId);
        String secret = secret(body);
        String label = body.getString("label", "key");
        requireLength("label", label, 128);
        ProviderKey key =
                new ProviderKey(Ids.next(), provider.id(), provider.tenantId(), label, MasterKeys.mask(secret));
        key.seal(vault.seal(secret, key.id()), vault.currentId());
        store.persist(key);
        changed();
        return json(key);
    }

    /** Relabels, re-activates or disables a key, or replaces its secret ({@code "secret"}). */
    public JsonObject updateKey(Caller caller, String providerId, String keyId, JsonObject body) {
        Provider provider = writable(caller, Provider.class, providerId);
        ProviderKey key = keyOf(provider, keyId);
        if (body.containsKey("label")) {
            String label = body.getString("label", "");
            requireLength("label", label, 128);
            key.relabel(label);
        }
        if (body.containsKey("status")) {
            String status = body.getString("status", "");
            if (!KEY_STATUSES.contains(status)) {
                throw new InvalidInput("invalid-key", "status must be 'active' or 'disabled'");
            }
            key.status(status, null);
        }
        if (body.containsKey("secret")) {
            String secret = secret(body);
            key.seal(vault.seal(secret, key.id()), vault.currentId());
            key.remask(MasterKeys.mask(secret));
            store.merge(key);
        } else {
            store.merge(key);
        }
        changed();
        return json(key);
    }

    public void deleteKey(Caller caller, String providerId, String keyId) {
        Provider provider = writable(caller, Provider.class, providerId);
        store.remove(ProviderKey.class, keyOf(provider, keyId).id());
        changed();
    }

    /** Re-seals every key the caller may write under the current master key (after a rotation). */
    public JsonObject resealKeys(Caller caller) {
        requireAdmin(caller);
        int resealed = 0;
        for (Provider provider : store.providers(caller.tenant())) {
            if (!mayWrite(caller, provider.tenantId())) {
                continue;
            }
            for (ProviderKey key : store.keys(provider.id())) {
                if (!key.masterKeyId().equals(vault.currentId())) {
                    String secret = vault.open(key.ciphertext(), key.id(), key.masterKeyId());
                    key.seal(vault.seal(secret, key.id()), vault.currentId());
                    store.merge(key);
                    resealed++;
                }
            }
        }
        changed();
        return JsonP.createObjectBuilder()
                .add("resealed", resealed)
                .add("master_key_id", vault.currentId())
                .build();
    }

    // ---- policies

    public List<JsonObject> policies(Caller caller) {
        requireAdmin(caller);
        return store.policies(caller.tenant()).stream().map(this::json).toList();
    }

    public JsonObject policy(Caller caller, String id) {
        return json(readable(caller, RoutingPolicy.class, id));
    }

    public JsonObject createPolicy(Caller caller, JsonObject body) {
        String tenant = scope(caller, body);
        PolicyFields fields = policyFields(caller, body, null);
        requireUniquePolicy(tenant, fields.alias, null);
        RoutingPolicy policy =
                new RoutingPolicy(Ids.next(), tenant, fields.alias, fields.strategy, fields.targets, fields.resilience);
        store.persist(policy);
        changed();
        return json(policy);
    }

    public JsonObject updatePolicy(Caller caller, String id, JsonObject body) {
        RoutingPolicy policy = writable(caller, RoutingPolicy.class, id);
        PolicyFields fields = policyFields(caller, body, policy);
        requireUniquePolicy(policy.tenantId(), fields.alias, policy.id());
        policy.update(
                fields.alias,
                fields.strategy,
                fields.targets,
                fields.resilience,
                bool(body, "enabled", policy.enabled()));
        store.merge(policy);
        changed();
        return json(policy);
    }

    public void deletePolicy(Caller caller, String id) {
        RoutingPolicy policy = writable(caller, RoutingPolicy.class, id);
        store.remove(RoutingPolicy.class, policy.id());
        changed();
    }

    /** This instance's view of every target: breaker state, latency average, quota rest. */
    public List<TargetHealth.TargetState> health(Caller caller) {
        requireAdmin(caller);
        return health.snapshot();
    }

    // ---- helpers

    /** Reloads this instance's routing table once the change is committed (other instances poll). */
    private void changed() {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                table.reload();
            }
        });
    }

    private record ProviderFields(String name, String kind, String baseUrl, String settings) {}

    private ProviderFields providerFields(JsonObject body, Provider current) {
        String name = body.getString("name", current == null ? null : current.name());
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInput(
                    "invalid-provider",
                    "name must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        String kind = body.getString("kind", current == null ? null : current.kind());
        ProviderAdapter adapter = kind == null ? null : adapters.forKind(kind).orElse(null);
        if (adapter == null) {
            throw new InvalidInput("invalid-provider", "kind must be one of " + adapters.kinds());
        }
        String baseUrl = body.containsKey("base_url")
                ? (body.get("base_url") instanceof JsonString s ? s.getString() : null)
                : current == null ? null : current.baseUrl();
        if (!"simulator".equals(kind)) {
            requireHttpUrl(baseUrl);
        }
        JsonObject settings;
        if (body.containsKey("settings")) {
            if (!(body.get("settings") instanceof JsonObject object)) {
                throw new InvalidInput("invalid-provider", "settings must be a JSON object");
            }
            settings = object;
        } else {
            settings = current == null ? JsonValue.EMPTY_JSON_OBJECT : JsonP.parseObject(current.settings());
        }
        ChatRequest probe =
                new ChatRequest("probe", List.of(new ChatMessage("user", "ping")), null, null, null, null, null);
        adapter.validate(new Upstream(baseUrl == null ? "" : baseUrl, null, "probe", settings), probe);
        return new ProviderFields(name, kind, baseUrl, settings.toString());
    }

    private record PolicyFields(String alias, String strategy, String targets, String resilience) {}

    private PolicyFields policyFields(Caller caller, JsonObject body, RoutingPolicy current) {
        String alias = body.getString("alias", current == null ? null : current.alias());
        if (alias == null || !NAME.matcher(alias).matches()) {
            throw new InvalidInput(
                    "invalid-routing-policy", "alias must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        String strategy = PolicyCodec.strategy(body.getString("strategy", current == null ? null : current.strategy()))
                .wireName();
        List<Target> targets;
        if (body.containsKey("targets")) {
            if (!(body.get("targets") instanceof JsonArray array)) {
                throw new InvalidInput("invalid-routing-policy", "Invalid routing policy: targets must be an array");
            }
            targets = PolicyCodec.targets(array);
        } else if (current != null) {
            targets = PolicyCodec.targets(current.targets());
        } else {
            throw new InvalidInput("invalid-routing-policy", "Invalid routing policy: targets are required");
        }
        List<String> known =
                store.providers(caller.tenant()).stream().map(Provider::name).toList();
        for (Target target : targets) {
            if (!known.contains(target.provider())) {
                throw new InvalidInput(
                        "invalid-routing-policy",
                        "Invalid routing policy: no provider named '" + target.provider() + "'");
            }
        }
        JsonObject resilience;
        if (body.containsKey("resilience")) {
            if (!(body.get("resilience") instanceof JsonObject object)) {
                throw new InvalidInput(
                        "invalid-routing-policy", "Invalid routing policy: resilience must be an object");
            }
            resilience = object;
        } else {
            resilience = current == null ? JsonValue.EMPTY_JSON_OBJECT : JsonP.parseObject(current.resilience());
        }
        PolicyCodec.resilience(resilience, defaults.get()); // validates
        return new PolicyFields(alias, strategy, PolicyCodec.json(targets).toString(), resilience.toString());
    }

    private void requireUniqueProvider(String tenant, String name, Long self) {
        boolean taken = store.providers(tenant).stream()
                .anyMatch(p -> p.name().equals(name)
                        && java.util.Objects.equals(p.tenantId(), tenant)
                        && (self == null || p.id() != self));
        if (taken) {
            throw new org.switchboard.core.platform.Conflict(
                    "provider-exists", "A provider named '" + name + "' already exists in this scope");
        }
    }

    private void requireUniquePolicy(String tenant, String alias, Long self) {
        boolean taken = store.policies(tenant).stream()
                .anyMatch(r -> r.alias().equals(alias)
                        && java.util.Objects.equals(r.tenantId(), tenant)
                        && (self == null || r.id() != self));
        if (taken) {
            throw new org.switchboard.core.platform.Conflict(
                    "policy-exists", "A routing policy for alias '" + alias + "' already exists in this scope");
        }
    }

    private static String secret(JsonObject body) {
        if (!(body.get("secret") instanceof JsonString s)
                || s.getString().isBlank()
                || s.getString().length() > 2048) {
            throw new InvalidInput("invalid-key", "secret must be the provider's API key (1-2048 characters)");
        }
        return s.getString().strip();
    }

    private ProviderKey keyOf(Provider provider, String keyId) {
        ProviderKey key = Ids.parse(keyId).stream()
                .mapToObj(id -> store.find(ProviderKey.class, id))
                .filter(k -> k != null && k.providerId() == provider.id())
                .findFirst()
                .orElse(null);
        if (key == null) {
            throw new RoutingNotFound("key-not-found", "Provider " + provider.id() + " has no key " + keyId);
        }
        return key;
    }

    private <T> T readable(Caller caller, Class<T> type, String id) {
        requireAdmin(caller);
        T row = Ids.parse(id).stream()
                .mapToObj(parsed -> store.find(type, parsed))
                .filter(found -> found != null && visible(caller, tenantOf(found)))
                .findFirst()
                .orElse(null);
        if (row == null) {
            throw new RoutingNotFound("not-found", "No " + type.getSimpleName() + " " + id);
        }
        return row;
    }

    private <T> T writable(Caller caller, Class<T> type, String id) {
        T row = readable(caller, type, id);
        if (!mayWrite(caller, tenantOf(row))) {
            throw new Forbidden("forbidden", "Global routing configuration is changed by platform admins only");
        }
        return row;
    }

    private static String tenantOf(Object row) {
        return row instanceof Provider p ? p.tenantId() : row instanceof RoutingPolicy r ? r.tenantId() : null;
    }

    private static boolean visible(Caller caller, String tenant) {
        return tenant == null || tenant.equals(caller.tenant());
    }

    private static boolean mayWrite(Caller caller, String tenant) {
        return tenant == null ? caller.roles().contains(PLATFORM_ADMIN_ROLE) : tenant.equals(caller.tenant());
    }

    private static String scope(Caller caller, JsonObject body) {
        requireAdmin(caller);
        String scope = body.getString("scope", "tenant");
        return switch (scope) {
            case "tenant" -> caller.tenant();
            case "global" -> {
                if (!caller.roles().contains(PLATFORM_ADMIN_ROLE)) {
                    throw new Forbidden("forbidden", "Global routing configuration is created by platform admins only");
                }
                yield null;
            }
            default -> throw new InvalidInput("invalid-scope", "scope must be 'tenant' or 'global'");
        };
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin() && !caller.roles().contains(PLATFORM_ADMIN_ROLE)) {
            throw new Forbidden("forbidden", "The admin API needs the admin role");
        }
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInput("invalid-provider", "base_url must be an http(s) URL such as https://api.openai.com/v1");
    }

    private static void requireLength(String field, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new InvalidInput("invalid-key", field + " must be 1-" + max + " characters");
        }
    }

    private static boolean bool(JsonObject body, String name, boolean fallback) {
        JsonValue value = body.get(name);
        if (value == null) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new InvalidInput("invalid-input", name + " must be true or false");
    }

    private JsonObject json(Provider p) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", Long.toString(p.id()))
                .add("scope", p.tenantId() == null ? "global" : "tenant")
                .add("name", p.name())
                .add("kind", p.kind())
                .add("settings", JsonP.parseObject(p.settings()))
                .add("enabled", p.enabled())
                .add("created_at", p.createdAt().toString())
                .add("updated_at", p.updatedAt().toString())
                .add("keys", keysJson(p));
        if (p.baseUrl() != null) {
            json.add("base_url", p.baseUrl());
        }
        return json.build();
    }

    private jakarta.json.JsonArrayBuilder keysJson(Provider p) {
        jakarta.json.JsonArrayBuilder keys = JsonP.createArrayBuilder();
        store.keys(p.id()).forEach(k -> keys.add(json(k)));
        return keys;
    }

    private static JsonObject json(ProviderKey k) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", Long.toString(k.id()))
                .add("label", k.label())
                .add("mask", k.mask())
                .add("status", k.status())
                .add("created_at", k.createdAt().toString())
                .add("updated_at", k.updatedAt().toString());
        if (k.statusReason() != null) {
            json.add("status_reason", k.statusReason());
        }
        return json.build();
    }

    private JsonObject json(RoutingPolicy r) {
        return JsonP.createObjectBuilder()
                .add("id", Long.toString(r.id()))
                .add("scope", r.tenantId() == null ? "global" : "tenant")
                .add("alias", r.alias())
                .add("strategy", r.strategy())
                .add("targets", PolicyCodec.json(PolicyCodec.targets(r.targets())))
                .add("resilience", PolicyCodec.json(PolicyCodec.resilience(r.resilience(), defaults.get())))
                .add("enabled", r.enabled())
                .add("created_at", r.createdAt().toString())
                .add("updated_at", r.updatedAt().toString())
                .build();
    }
}
