package org.switchboard.core.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.switchboard.core.audit.boundary.AdminChanges;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.providers.control.Adapters;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.routing.control.ConnectionProbe;
import org.switchboard.core.routing.control.KeySealing;
import org.switchboard.core.routing.control.ReloadOnCommit;
import org.switchboard.core.routing.control.RoutingScopes;
import org.switchboard.core.routing.control.RoutingStore;
import org.switchboard.core.routing.entity.ConnectionTest;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Upstream endpoints ({@code /api/v1/admin/providers}): a tenant admin manages the tenant's providers and reads
 * the global ones; platform admins change global ones. A name is unique within its scope. Every change takes
 * effect for new requests on this instance at once and on the others within
 * {@code switchboard.routing.refresh-interval}. Every change is audited with the provider before and after.
 */
@Stateless
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
@TenantScoped
public class Providers {
    @Inject
    RoutingStore store;

    @Inject
    RoutingScopes scopes;

    @Inject
    Adapters adapters;

    @Inject
    KeySealing sealing;

    @Inject
    Validation validation;

    @Inject
    ReloadOnCommit reload;

    @Inject
    ConnectionProbe probe;

    @Inject
    AdminChanges changes;

    /** The wire dialects a provider can speak, for a form's choice. */
    public List<String> kinds(Caller caller) {
        return adapters.kinds();
    }

    public List<ProviderResponse> list(Caller caller) {
        return store.providers().stream().map(this::response).toList();
    }

    public ProviderResponse get(Caller caller, String id) {
        return response(scopes.readable(caller, Provider.class, id));
    }

    public ProviderResponse create(Caller caller, ProviderRequest request) {
        String tenant = scopes.tenantFor(caller, request.scope());
        validation.check(request, OnCreate.class);
        probe(request);
        requireUnique(tenant, request.name(), null);
        Provider provider = new Provider(
                Ids.next(), tenant, request.name(), request.kind(), request.baseUrl(), request.settingsOrEmpty());
        store.persist(provider);
        reload.changed();
        ProviderResponse created = response(provider);
        changes.record(caller, "provider.create", subject(provider), null, created);
        return created;
    }

    public ProviderResponse update(Caller caller, String id, ProviderRequest changes) {
        Provider provider = scopes.writable(caller, Provider.class, id);
        ProviderResponse before = response(provider);
        ProviderRequest next = validation.check(changes.over(provider), OnCreate.class); // after the 404/403
        probe(next);
        requireUnique(provider.tenantId(), next.name(), provider.id());
        provider.update(next.name(), next.kind(), next.baseUrl(), next.settingsOrEmpty(), next.enabled());
        store.merge(provider);
        reload.changed();
        ProviderResponse after = response(provider);
        this.changes.record(caller, "provider.update", subject(provider), before, after);
        return after;
    }

    public void delete(Caller caller, String id) {
        Provider provider = scopes.writable(caller, Provider.class, id);
        ProviderResponse before = response(provider);
        store.remove(Provider.class, provider.id());
        reload.changed();
        changes.record(caller, "provider.delete", subject(provider), before, null);
    }

    /**
     * Asks the upstream which models it serves, with the provider's first active key: the admin's test of a
     * provider's URL and key. Completes exceptionally with {@link UpstreamFailed} when the upstream fails; the key
     * never appears in its detail.
     */
    public CompletableFuture<List<String>> upstreamModels(Caller caller, String id) {
        Provider provider = scopes.readable(caller, Provider.class, id);
        ProviderAdapter adapter = adapters.forKind(provider.kind()).orElseThrow();
        String key = store.keys(provider.id()).stream()
                .filter(k -> ProviderKey.ACTIVE.equals(k.status()))
                .findFirst()
                .map(sealing::open)
                .orElse(null);
        String baseUrl = provider.baseUrl() == null ? "" : provider.baseUrl();
        return adapter.models(new Upstream(baseUrl, key, "", provider.settings()))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(badGateway(failure, key)));
    }

    /**
     * A one-token chat call to the provider with its first active key, as routing would make it: the outcome and
     * the latency to the first token. A failing upstream is an outcome ({@code ok} false), not an error; the key
     * never appears in it. {@code model} is the upstream model to ask (any, for the simulator).
     */
    public CompletableFuture<ConnectionTest> testConnection(Caller caller, String id, String model) {
        Provider provider = scopes.readable(caller, Provider.class, id);
        String asked = model == null || model.isBlank() ? "test" : model.strip();
        return probe.test(provider, store.keys(provider.id()), asked);
    }

    static String subject(Provider provider) {
        return "providers/" + provider.id();
    }

    /** The adapter's own checks of its settings (a mapped adapter's paths, Anthropic's version, ...). */
    private void probe(ProviderRequest request) {
        ChatRequest ping =
                new ChatRequest("probe", List.of(new ChatMessage("user", "ping")), null, null, null, null, null);
        String baseUrl = request.baseUrl() == null ? "" : request.baseUrl();
        adapters.forKind(request.kind())
                .orElseThrow()
                .validate(new Upstream(baseUrl, null, "probe", request.settingsOrEmpty()), ping);
    }

    private void requireUnique(String tenant, String name, Long self) {
        boolean taken = store.providers().stream()
                .anyMatch(p -> p.name().equals(name)
                        && Objects.equals(p.tenantId(), tenant)
                        && (self == null || p.id() != self));
        if (taken) {
            throw new ProviderNameTaken(name);
        }
    }

    private static Throwable badGateway(Throwable failure, String key) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (!(cause instanceof ProviderAdapter.CallFailure call)) {
            return cause;
        }
        String detail = call.failure().detail();
        return new UpstreamFailed(call.failure().type(), key == null ? detail : detail.replace(key, "[key]"));
    }

    private ProviderResponse response(Provider p) {
        return ProviderResponse.of(
                p, store.keys(p.id()).stream().map(KeyResponse::of).toList());
    }
}
