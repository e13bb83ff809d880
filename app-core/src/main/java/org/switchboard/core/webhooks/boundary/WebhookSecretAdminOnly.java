package org.switchboard.core.webhooks.boundary;

import org.switchboard.core.platform.Forbidden;

/** Someone without the tenant's {@code admin} role asked for its webhook secret; problem type {@code admin-only}. */
public class WebhookSecretAdminOnly extends Forbidden {
    public WebhookSecretAdminOnly() {
        super("admin-only", "Only a tenant admin may read the webhook secret");
    }
}
