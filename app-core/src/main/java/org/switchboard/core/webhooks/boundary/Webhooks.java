package org.switchboard.core.webhooks.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.webhooks.control.CallbackUrls;
import org.switchboard.core.webhooks.control.WebhookStore;

/** What clients do with webhooks: have a callback URL checked, and (tenant admins) read the signing secret. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@TenantScoped
public class Webhooks {
    @Inject
    CallbackUrls callbackUrls;

    @Inject
    WebhookStore store;

    @Inject
    TenantScope scope;

    public void validateCallback(String url) {
        callbackUrls.validate(url);
    }

    /**
     * The caller's tenant's signing secret ({@code whsec_...}), created on first use. Tenant admins only. It is
     * keyed by the tenant of the {@link TenantScope}: no request names another tenant's secret.
     */
    public String secret(Caller caller) {
        if (!caller.isAdmin()) {
            throw new WebhookSecretAdminOnly();
        }
        return store.secret(scope.tenant());
    }

    /**
     * Replaces the caller's tenant's signing secret and returns the new one: the only time the console shows it.
     * Tenant admins only, keyed by the {@link TenantScope} like {@link #secret}.
     */
    public String rotateSecret(Caller caller) {
        if (!caller.isAdmin()) {
            throw new WebhookSecretAdminOnly();
        }
        return store.rotateSecret(scope.tenant());
    }

    /** Whether the caller's tenant has a signing secret yet; it is created when first read or rotated. */
    public boolean hasSecret(Caller caller) {
        return store.hasSecret(scope.tenant());
    }
}
