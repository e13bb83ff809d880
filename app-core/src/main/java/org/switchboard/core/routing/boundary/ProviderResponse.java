package org.switchboard.core.routing.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.switchboard.core.routing.control.RoutingScopes;
import org.switchboard.core.routing.entity.Provider;

/** A provider as the admin API shows it, with its keys (masked). */
public record ProviderResponse(
        String id,
        String scope,
        String name,
        String kind,
        @JsonbProperty("base_url") String baseUrl,
        JsonObject settings,
        boolean enabled,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("updated_at") String updatedAt,
        List<KeyResponse> keys) {

    static ProviderResponse of(Provider p, List<KeyResponse> keys) {
        return new ProviderResponse(
                Long.toString(p.id()),
                RoutingScopes.scopeOf(p.tenantId()),
                p.name(),
                p.kind(),
                p.baseUrl(),
                p.settings(),
                p.enabled(),
                p.createdAt().toString(),
                p.updatedAt().toString(),
                keys);
    }
}
