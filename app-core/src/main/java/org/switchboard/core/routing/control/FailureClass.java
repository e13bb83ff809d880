package org.switchboard.core.routing.control;

import org.switchboard.core.providers.entity.ProviderFailure;

/**
 * SPEC §5's error classes: the one place where a failure's type decides what routing does next, for chat and
 * embeddings alike. {@link org.switchboard.core.providers.control.UpstreamFailures} turns HTTP statuses into the
 * types this reads.
 */
enum FailureClass {
    /** 401/403: the key is flagged; no retry, the next target serves. */
    AUTH(false, true),
    /** 429: the target rests for its {@code Retry-After}; no retry here, the next target serves. */
    QUOTA(false, true),
    /** 400 or a business refusal: the request itself fails everywhere; no retry, no fallback. */
    REFUSED(false, false),
    /** 5xx, timeouts, cut or malformed streams, an adapter that cannot start: back-off retry, then fallback. */
    TRANSIENT(true, true);

    final boolean retries;
    final boolean fallsBack;

    FailureClass(boolean retries, boolean fallsBack) {
        this.retries = retries;
        this.fallsBack = fallsBack;
    }

    static FailureClass of(ProviderFailure failure) {
        return switch (failure.type()) {
            case "upstream-auth" -> AUTH;
            case "upstream-quota" -> QUOTA;
            case "upstream-bad-request", "upstream-business" -> REFUSED;
            default -> TRANSIENT;
        };
    }
}
