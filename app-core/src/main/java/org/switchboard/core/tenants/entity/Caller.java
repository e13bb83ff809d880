package org.switchboard.core.tenants.entity;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated principal of a request: a user of one tenant, with roles. A tenant admin ({@code admin})
 * manages the tenant's configuration; a platform admin ({@code platform-admin}) also the global rows.
 */
public record Caller(String tenant, String user, Set<String> roles) {
    public static final String ADMIN_ROLE = "admin";
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        if (TenantCriteria.EVERY_TENANT.equals(tenant)) {
            throw new IllegalArgumentException("'" + tenant + "' is not a tenant");
        }
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PLATFORM_ADMIN_ROLE);
    }
}
