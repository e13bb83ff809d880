package org.switchboard.core.routing.control;

import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.core.routing.entity.Resilience;

/**
 * The retry half of SPEC §5 as a Failsafe {@link RetryPolicy} for one target: only a transient failure that
 * reached no client is retried, up to the policy's attempts and only while the target's breaker admits calls;
 * the wait is the upstream's {@code Retry-After} when it sent one, else exponential back-off with jitter.
 */
final class RetryPolicies {
    private RetryPolicies() {}

    static <T> RetryPolicy<T> forTarget(RouteTarget target, Resilience resilience, TargetHealth health) {
        return RetryPolicy.<T>builder()
                .handleIf((result, thrown) -> thrown instanceof TargetFailed failed && failed.retryable())
                .abortIf((result, thrown) -> !health.admits(target, resilience))
                .withMaxAttempts(Math.max(1, resilience.maxAttempts()))
                .withDelayFn(context -> delay(context.getLastException(), context.getAttemptCount(), resilience))
                .build();
    }

    /** The wait before the next call after {@code failedAttempts} calls, the last of which threw {@code last}. */
    static Duration delay(Throwable last, int failedAttempts, Resilience resilience) {
        if (last instanceof TargetFailed failed && failed.failure().retryAfter() != null) {
            return failed.failure().retryAfter();
        }
        return Duration.ofMillis(backoffMillis(resilience, failedAttempts));
    }

    /** {@code backoff × multiplier^(n-1)}, spread by ±jitter (SPEC §5: default 1 s, ×2). */
    static long backoffMillis(Resilience resilience, int failedAttempt) {
        double base = resilience.backoffMillis() * Math.pow(resilience.multiplier(), failedAttempt - 1);
        double jitter = resilience.jitter();
        double spread = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Math.max(0, Math.round(base * (1 + spread)));
    }
}
