package org.switchboard.core.routing.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.switchboard.core.routing.entity.Target;

/**
 * One target of a policy as the admin API reads and shows it: a provider by name, the upstream model, optionally
 * a key by id, a weight (default 1), a priority (default: its position, from 1) and prices per 1k tokens.
 */
public record PolicyTarget(
        @NotBlank @Size(max = 128) String provider,
        @NotBlank @Size(max = 128) String model,
        @Pattern(regexp = "\\s*\\d{1,18}\\s*", message = "must be the id of one of the provider's keys") String key,
        @Min(0) @Max(1_000_000) Integer weight,
        @Min(0) @Max(1_000_000) Integer priority,
        @JsonbProperty("input_price_per_1k") @DecimalMin("0") BigDecimal inputPricePer1k,
        @JsonbProperty("output_price_per_1k") @DecimalMin("0") BigDecimal outputPricePer1k) {

    static PolicyTarget of(Target t) {
        return new PolicyTarget(
                t.provider(),
                t.model(),
                t.keyId() == null ? null : Long.toString(t.keyId()),
                t.weight(),
                t.priority(),
                t.inputPricePer1k(),
                t.outputPricePer1k());
    }

    /** The target as routing uses it, the defaults filled in; {@code position} counts from 1. */
    Target toTarget(int position) {
        return new Target(
                provider.strip(),
                model.strip(),
                key == null ? null : Long.parseLong(key.strip()),
                weight == null ? 1 : weight,
                priority == null ? position : priority,
                inputPricePer1k == null ? BigDecimal.ZERO : inputPricePer1k,
                outputPricePer1k == null ? BigDecimal.ZERO : outputPricePer1k);
    }
}
