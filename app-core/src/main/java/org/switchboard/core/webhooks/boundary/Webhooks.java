package org.switchboard.core.webhooks.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.webhooks.control.CallbackUrls;
import org.switchboard.core.webhooks.control.WebhookStore;

/** What clients do with webhooks: have a callback URL checked, and (tenant admins) read the signing secret. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Webhooks {
    @Inject
    CallbackUrls callbackUrls;

    @Inject
    WebhookStore store;

    public void validateCallback(String url) {
        callbackUrls.validate(url);
    }

    /** The tenant's signing secret ({@code whsec_...}), created on first use. Tenant admins only. */
    public String secret(Caller caller) {
        if (!caller.isAdmin()) {
            throw new org.switchboard.core.platform.Forbidden(
                    "admin-only", "Only a tenant admin may read the webhook secret");
        }
        return store.secret(caller.tenant());
    }
}
