package org.switchboard.core.routing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.routing.control.Router;
import org.switchboard.core.routing.control.TargetFailed;
import org.switchboard.core.routing.entity.Embedded;

/**
 * Embeddings through a tenant's model alias (SPEC §5): routed, retried and fallen back from by the same policy as
 * chat. Asynchronous, so no request thread waits on an upstream.
 */
@ApplicationScoped // not an EJB: nothing here is transactional, and this is a client request's path
public class Embeddings {
    @Inject
    Router router;

    /**
     * One vector per input, in order. The future fails with {@link UpstreamRefused} when the request itself was
     * refused (bad request), or with {@link UpstreamFailed} when no target could serve it.
     *
     * @throws ModelNotFound when the alias names no routing policy of the tenant
     */
    public CompletableFuture<Embedded> embed(String tenant, String alias, List<String> inputs) {
        CompletableFuture<Embedded> answer = new CompletableFuture<>();
        router.embed(tenant, alias, inputs)
                .orElseThrow(() -> new ModelNotFound(alias))
                .whenComplete((embedded, thrown) -> {
                    if (thrown == null) {
                        answer.complete(embedded);
                    } else {
                        answer.completeExceptionally(named(thrown));
                    }
                });
        return answer;
    }

    private static Throwable named(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
        if (!(cause instanceof TargetFailed failed)) {
            return cause;
        }
        ProviderFailure failure = failed.failure();
        return failure.type().equals("upstream-bad-request")
                ? new UpstreamRefused(failure.type(), failure.detail())
                : new UpstreamFailed(failure.type(), failure.detail());
    }
}
