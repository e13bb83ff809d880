package org.switchboard.core.routing.control;

import dev.failsafe.AsyncExecution;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.routing.entity.Embedded;

/**
 * One embeddings request through a route, under the same {@link Failover} as chat: retried and fallen back from
 * by the same rules. Nothing streams, so no call ever commits before it succeeds.
 */
final class RoutedEmbeddings {
    private final List<String> inputs;
    private final TargetServices services;
    private final Failover<Embedded> failover;

    private RoutedEmbeddings(Route route, List<String> inputs, TargetServices services) {
        this.inputs = inputs;
        this.services = services;
        this.failover = new Failover<>(route, services, this::call);
    }

    /** Completes with the embeddings, or fails with a {@link TargetFailed} or what an adapter threw unclassified. */
    static CompletableFuture<Embedded> embed(Route route, List<String> inputs, TargetServices services) {
        return new RoutedEmbeddings(route, inputs, services).failover.start();
    }

    private void call(RouteTarget target, Upstream upstream, AsyncExecution<Embedded> execution) {
        CompletableFuture<ProviderAdapter.Embeddings> called;
        try {
            called = services.adapter(target.kind()).embed(upstream, inputs);
        } catch (RuntimeException e) {
            failover.failed(execution, target, upstream, cannotStart(e), false);
            return;
        }
        called.whenComplete((result, thrown) -> {
            Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
            if (cause == null) {
                failover.succeeded(
                        execution, target, new Embedded(result.vectors(), result.inputTokens(), target.label()));
            } else if (cause instanceof ProviderAdapter.CallFailure failure) {
                failover.failed(execution, target, upstream, failure.failure(), false);
            } else {
                execution.recordException(cause); // not an upstream's answer: no retry, no fallback
            }
        });
    }

    private static ProviderFailure cannotStart(RuntimeException e) {
        return new ProviderFailure(
                "provider-error", "The adapter could not start: " + e.getClass().getSimpleName(), 0);
    }
}
