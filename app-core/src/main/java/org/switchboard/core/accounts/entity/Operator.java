package org.switchboard.core.accounts.entity;

import java.util.Set;
import org.switchboard.core.tenants.entity.Caller;

/**
 * An authenticated console operator: a platform operator ({@code tenant} null, role {@code platform-admin}) acts
 * for any tenant it picks; a tenant operator ({@code admin}) only for its own.
 */
public record Operator(String username, String tenant, Set<String> roles) {
    public Operator {
        roles = Set.copyOf(roles);
    }

    public boolean platform() {
        return roles.contains(Caller.PLATFORM_ADMIN_ROLE);
    }

    /**
     * The caller the console's boundary calls carry: a tenant operator always acts for its own tenant; a platform
     * operator for {@code chosenTenant}, as platform admin and as that tenant's admin.
     */
    public Caller actingFor(String chosenTenant) {
        if (!platform()) {
            return new Caller(tenant, username, roles);
        }
        return new Caller(chosenTenant, username, Set.of(Caller.PLATFORM_ADMIN_ROLE, Caller.ADMIN_ROLE));
    }
}
