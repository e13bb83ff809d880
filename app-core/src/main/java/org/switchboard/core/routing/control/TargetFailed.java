package org.switchboard.core.routing.control;

import org.switchboard.core.platform.BadGateway;
import org.switchboard.core.providers.entity.ProviderFailure;

/**
 * One call to one target failed: what the Failsafe policies of a {@link Failover} decide on. {@code committed}
 * says text had already reached the client, after which nothing is retried or fallen back from (SPEC §5).
 * Stackless: it is an outcome, not a bug.
 */
public final class TargetFailed extends BadGateway {
    private final transient ProviderFailure failure;
    private final boolean committed;

    TargetFailed(ProviderFailure failure, boolean committed) {
        super(failure.type(), failure.detail(), true);
        this.failure = failure;
        this.committed = committed;
    }

    /** What the client gets told: the failure of the last call, its key scrubbed. */
    public ProviderFailure failure() {
        return failure;
    }

    boolean retryable() {
        return !committed && FailureClass.of(failure).retries;
    }

    boolean fallsBack() {
        return !committed && FailureClass.of(failure).fallsBack;
    }
}
