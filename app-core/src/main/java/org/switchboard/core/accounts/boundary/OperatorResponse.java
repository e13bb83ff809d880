package org.switchboard.core.accounts.boundary;

import java.time.Instant;
import org.switchboard.core.accounts.entity.AdminUser;
import org.switchboard.core.tenants.entity.Caller;

/** A console operator as the console and the audit log show it: never its password hash. */
public record OperatorResponse(
        String id,
        String username,
        String tenant,
        String role,
        boolean disabled,
        Instant createdAt,
        Instant updatedAt) {

    static OperatorResponse of(AdminUser user) {
        return new OperatorResponse(
                Long.toString(user.id()),
                user.username(),
                user.tenantId(),
                user.roles().contains(Caller.PLATFORM_ADMIN_ROLE) ? Caller.PLATFORM_ADMIN_ROLE : Caller.ADMIN_ROLE,
                user.disabled(),
                user.createdAt(),
                user.updatedAt());
    }
}
