package org.switchboard.core.routing.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The resilience settings a policy sets itself (column {@code routing_policies.resilience}); a field left
 * null takes the instance's default when the policy is compiled, so a changed default reaches every policy
 * that did not choose. See {@link Resilience} for what each setting does.
 */
public record ResilienceSettings(
        @JsonbProperty("max_attempts") @Min(1) @Max(10) Integer maxAttempts,
        @JsonbProperty("backoff_ms") @Min(0) @Max(60_000) Long backoffMillis,
        @DecimalMin("1") @DecimalMax("10") Double multiplier,
        @DecimalMin("0") @DecimalMax("1") Double jitter,
        @JsonbProperty("breaker_failures") @Min(1) @Max(1000) Integer breakerFailures,
        @JsonbProperty("breaker_cool_down_ms") @Min(0) @Max(3_600_000) Long breakerCoolDownMillis,
        @JsonbProperty("quota_cool_down_ms") @Min(0) @Max(3_600_000) Long quotaCoolDownMillis) {

    /** Nothing chosen: every setting is the default. */
    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(null, null, null, null, null, null, null);

    /** Every setting, as a policy runs with it. */
    public static ResilienceSettings of(Resilience r) {
        return new ResilienceSettings(
                r.maxAttempts(),
                r.backoffMillis(),
                r.multiplier(),
                r.jitter(),
                r.breakerFailures(),
                r.breakerCoolDownMillis(),
                r.quotaCoolDownMillis());
    }

    /** These settings, the defaults for what they leave out. */
    public Resilience over(Resilience defaults) {
        return new Resilience(
                maxAttempts != null ? maxAttempts : defaults.maxAttempts(),
                backoffMillis != null ? backoffMillis : defaults.backoffMillis(),
                multiplier != null ? multiplier : defaults.multiplier(),
                jitter != null ? jitter : defaults.jitter(),
                breakerFailures != null ? breakerFailures : defaults.breakerFailures(),
                breakerCoolDownMillis != null ? breakerCoolDownMillis : defaults.breakerCoolDownMillis(),
                quotaCoolDownMillis != null ? quotaCoolDownMillis : defaults.quotaCoolDownMillis());
    }
}
