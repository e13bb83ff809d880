package org.switchboard.core.providers.entity;

import java.time.Duration;

/**
 * Why a generation failed, in provider-neutral terms: a stable {@code type} slug, a human {@code detail},
 * the upstream HTTP status when there was one (0 otherwise) and the upstream's {@code Retry-After} when it
 * gave one (null otherwise).
 *
 * <p>Types: {@code upstream-auth} (401/403), {@code upstream-quota} (429), {@code upstream-bad-request}
 * (400/404/422), {@code upstream-error} (5xx or an error reported in the stream), {@code upstream-timeout},
 * {@code upstream-unreachable}, {@code upstream-cut}, {@code upstream-malformed}, {@code upstream-business}
 * (the upstream answered but refused, e.g. content policy or a workflow that failed).
 */
public record ProviderFailure(String type, String detail, int upstreamStatus, Duration retryAfter) {
    public ProviderFailure(String type, String detail, int upstreamStatus) {
        this(type, detail, upstreamStatus, null);
    }
}
