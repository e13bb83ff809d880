package org.switchboard.core.routing.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.switchboard.core.routing.entity.ProviderKey;

/** A provider key as the admin API shows it: its mask, never its secret. */
public record KeyResponse(
        String id,
        String label,
        String mask,
        String status,
        @JsonbProperty("status_reason") String statusReason,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("updated_at") String updatedAt) {

    static KeyResponse of(ProviderKey k) {
        return new KeyResponse(
                Long.toString(k.id()),
                k.label(),
                k.mask(),
                k.status(),
                k.statusReason(),
                k.createdAt().toString(),
                k.updatedAt().toString());
    }
}
