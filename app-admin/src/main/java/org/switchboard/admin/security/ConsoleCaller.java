package org.switchboard.admin.security;

import java.util.HashSet;
import java.util.Set;
import org.switchboard.core.accounts.entity.Operator;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The signed-in operator as the {@link Caller} that core boundaries take, so the boundaries' roles and tenant
 * scope decide what the console shows (not hidden buttons). A tenant admin is a caller of their tenant, whatever
 * tenant a view asks for: another tenant's rows stay out of their scope. A platform operator (no tenant) with an
 * admin role is a platform admin: lists span every tenant, and acting on one tenant's row (cancel a run, rotate
 * its secret) acts as that tenant.
 */
public final class ConsoleCaller {
    /** The tenant a platform operator's caller names when it acts for no tenant in particular (lists). */
    static final String NO_TENANT = "console";

    private ConsoleCaller() {}

    /** The signed-in operator, for reads that span whatever tenants they may see. */
    public static Caller current() {
        return actingFor(null);
    }

    /** The signed-in operator acting for {@code tenant}; a tenant admin always acts for their own. */
    public static Caller actingFor(String tenant) {
        return of(SignedIn.operator().orElseThrow(() -> new IllegalStateException("No operator signed in")), tenant);
    }

    /** Whether the signed-in operator sees every tenant (and so gets a tenant filter). */
    public static boolean seesEveryTenant() {
        return current().isPlatformAdmin();
    }

    static Caller of(Operator operator, String tenant) {
        if (!operator.isPlatformOperator()) {
            return new Caller(operator.tenant(), operator.username(), operator.roles());
        }
        Set<String> roles = new HashSet<>(operator.roles());
        if (roles.contains(Caller.ADMIN_ROLE) || roles.contains(Caller.PLATFORM_ADMIN_ROLE)) {
            roles.add(Caller.ADMIN_ROLE);
            roles.add(Caller.PLATFORM_ADMIN_ROLE);
        }
        return new Caller(tenant == null || tenant.isBlank() ? NO_TENANT : tenant, operator.username(), roles);
    }
}
