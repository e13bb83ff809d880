package org.switchboard.core.routing.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.ViolationType;
import org.switchboard.core.routing.entity.Provider;

/**
 * A provider to create, or the fields of one to change (what a change leaves null it keeps). {@code scope} is
 * {@code tenant} (the default) or {@code global} (platform admins), and is fixed once created.
 */
@UpstreamUrl(groups = OnCreate.class)
@ViolationType("invalid-provider")
public record ProviderRequest(
        @NotNull(groups = OnCreate.class) @RoutingName String name,
        @NotNull(groups = OnCreate.class) @KnownKind String kind,
        @JsonbProperty("base_url") String baseUrl,
        JsonObject settings,
        Boolean enabled,
        String scope) {

    /** This change laid over the stored provider: the whole provider as it would be. */
    ProviderRequest over(Provider current) {
        return new ProviderRequest(
                name != null ? name : current.name(),
                kind != null ? kind : current.kind(),
                baseUrl != null ? baseUrl : current.baseUrl(),
                settings != null ? settings : current.settings(),
                enabled != null ? enabled : current.enabled(),
                scope);
    }

    JsonObject settingsOrEmpty() {
        return settings == null ? JsonValue.EMPTY_JSON_OBJECT : settings;
    }
}
