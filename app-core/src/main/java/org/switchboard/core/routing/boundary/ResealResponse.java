package org.switchboard.core.routing.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/** How many keys a re-seal moved under the current master key. */
public record ResealResponse(int resealed, @JsonbProperty("master_key_id") String masterKeyId) {}
