package org.switchboard.core.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.core.audit.boundary.AdminChanges;
import org.switchboard.core.keys.MasterKeys;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.routing.control.KeySealing;
import org.switchboard.core.routing.control.ReloadOnCommit;
import org.switchboard.core.routing.control.RoutingScopes;
import org.switchboard.core.routing.control.RoutingStore;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.RoutingNotFound;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * A provider's API keys ({@code /api/v1/admin/providers/{id}/keys}), sealed under the master key. A secret goes
 * in once and never comes out: answers (and the audit log's before and after) show its mask. Whoever may change
 * the provider may change its keys. Every change is audited: {@code key.add}, {@code key.update},
 * {@code key.rotate} (a new secret), {@code key.disable}, {@code key.enable}, {@code key.delete}, {@code keys.reseal}.
 */
@Stateless
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
@TenantScoped
public class ProviderKeys {
    @Inject
    RoutingStore store;

    @Inject
    RoutingScopes scopes;

    @Inject
    KeySealing sealing;

    @Inject
    Validation validation;

    @Inject
    ReloadOnCommit reload;

    @Inject
    AdminChanges changes;

    public List<KeyResponse> list(Caller caller, String providerId) {
        Provider provider = scopes.readable(caller, Provider.class, providerId);
        return store.keys(provider.id()).stream().map(KeyResponse::of).toList();
    }

    public KeyResponse add(Caller caller, String providerId, KeyRequest request) {
        Provider provider = scopes.writable(caller, Provider.class, providerId);
        validation.check(request, OnCreate.class); // after the 404/403
        String secret = request.secret().strip();
        ProviderKey key = new ProviderKey(
                Ids.next(), provider.id(), provider.tenantId(), request.labelOrDefault(), MasterKeys.mask(secret));
        sealing.seal(key, secret);
        store.persist(key);
        reload.changed();
        KeyResponse added = KeyResponse.of(key);
        changes.record(caller, "key.add", subject(key), null, added);
        return added;
    }

    /** Relabels, re-activates or disables a key, or replaces its secret. */
    public KeyResponse update(Caller caller, String providerId, String keyId, KeyRequest changes) {
        ProviderKey key = keyOf(scopes.writable(caller, Provider.class, providerId), keyId);
        validation.check(changes); // after the 404/403
        KeyResponse before = KeyResponse.of(key);
        if (changes.label() != null) {
            key.relabel(changes.label());
        }
        if (changes.status() != null) {
            key.status(changes.status(), null);
        }
        if (changes.secret() != null) {
            sealing.seal(key, changes.secret().strip());
        }
        store.merge(key);
        reload.changed();
        KeyResponse after = KeyResponse.of(key);
        this.changes.record(caller, action(changes), subject(key), before, after);
        return after;
    }

    public void delete(Caller caller, String providerId, String keyId) {
        ProviderKey key = keyOf(scopes.writable(caller, Provider.class, providerId), keyId);
        KeyResponse before = KeyResponse.of(key);
        store.remove(ProviderKey.class, key.id());
        reload.changed();
        changes.record(caller, "key.delete", subject(key), before, null);
    }

    /** Re-seals every key the caller may change under the current master key (after a rotation). */
    public ResealResponse reseal(Caller caller) {
        int resealed = 0;
        for (Provider provider : store.providers()) {
            if (!scopes.mayWrite(caller, provider.tenantId())) {
                continue;
            }
            for (ProviderKey key : store.keys(provider.id())) {
                if (sealing.reseal(key)) {
                    store.merge(key);
                    resealed++;
                }
            }
        }
        reload.changed();
        ResealResponse answer = new ResealResponse(resealed, sealing.currentMasterKeyId());
        if (resealed > 0) {
            changes.record(caller, "keys.reseal", "keys", null, answer);
        }
        return answer;
    }

    private static String subject(ProviderKey key) {
        return "providers/" + key.providerId() + "/keys/" + key.id();
    }

    private static String action(KeyRequest changes) {
        if (changes.secret() != null) {
            return "key.rotate";
        }
        if (changes.status() != null) {
            return "disabled".equals(changes.status()) ? "key.disable" : "key.enable";
        }
        return "key.update";
    }

    private ProviderKey keyOf(Provider provider, String keyId) {
        return Ids.parse(keyId).stream()
                .mapToObj(id -> store.find(ProviderKey.class, id))
                .filter(k -> k != null && k.providerId() == provider.id())
                .findFirst()
                .orElseThrow(() ->
                        new RoutingNotFound("key-not-found", "Provider " + provider.id() + " has no key " + keyId));
    }
}
