package org.switchboard.core.accounts.entity;

import java.util.Set;

/**
 * An authenticated console operator. {@code tenant} is the one tenant a tenant admin administers; null for a
 * platform operator, who administers every tenant.
 */
public record Operator(String username, String tenant, Set<String> roles) {
    public Operator(String username, Set<String> roles) {
        this(username, null, roles);
    }

    public boolean isPlatformOperator() {
        return tenant == null;
    }
}
