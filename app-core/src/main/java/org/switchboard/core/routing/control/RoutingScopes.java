package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.routing.entity.GlobalRoutingReadOnly;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.RoutingNotFound;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Who may see and change which routing rows. A tenant's rows are its own; global rows (no tenant) are read by
 * every tenant admin and changed by platform admins only. Another tenant's row looks like no row at all (404);
 * a visible row the caller may not change is forbidden (403).
 */
@ApplicationScoped
public class RoutingScopes {
    @Inject
    RoutingStore store;

    public <T> T readable(Caller caller, Class<T> type, String id) {
        T row = Ids.parse(id).stream()
                .mapToObj(parsed -> store.find(type, parsed))
                .filter(found -> found != null && visible(caller, tenantOf(found)))
                .findFirst()
                .orElse(null);
        if (row == null) {
            throw new RoutingNotFound("not-found", "No " + type.getSimpleName() + " " + id);
        }
        return row;
    }

    public <T> T writable(Caller caller, Class<T> type, String id) {
        T row = readable(caller, type, id);
        if (!mayWrite(caller, tenantOf(row))) {
            throw new GlobalRoutingReadOnly("Global routing configuration is changed by platform admins only");
        }
        return row;
    }

    public boolean mayWrite(Caller caller, String tenant) {
        return tenant == null ? caller.isPlatformAdmin() : tenant.equals(caller.tenant());
    }

    /** The tenant a new row belongs to: the caller's ({@code "tenant"}, the default) or none ({@code "global"}). */
    public String tenantFor(Caller caller, String scope) {
        return switch (scope == null ? "tenant" : scope) {
            case "tenant" -> caller.tenant();
            case "global" -> {
                if (!caller.isPlatformAdmin()) {
                    throw new GlobalRoutingReadOnly("Global routing configuration is created by platform admins only");
                }
                yield null;
            }
            default -> throw new InvalidInput("invalid-scope", "scope must be 'tenant' or 'global'");
        };
    }

    public static String scopeOf(String tenant) {
        return tenant == null ? "global" : "tenant";
    }

    private static boolean visible(Caller caller, String tenant) {
        return tenant == null || tenant.equals(caller.tenant());
    }

    private static String tenantOf(Object row) {
        return row instanceof Provider p ? p.tenantId() : row instanceof RoutingPolicy r ? r.tenantId() : null;
    }
}
