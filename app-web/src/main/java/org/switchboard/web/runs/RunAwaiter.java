package org.switchboard.web.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.web.platform.WebThreads;

/**
 * Answers a synchronous request when its run ends, without holding a thread; a run that outlives the sync
 * deadline (below common proxy cut-offs) is answered {@code 202 Accepted} with its {@code Location} instead.
 */
@ApplicationScoped
public class RunAwaiter {
    @Inject
    Runs runs;

    @Inject
    WebThreads pools;

    @Inject
    @ConfigProperty(name = "switchboard.runs.sync-deadline")
    Duration syncDeadline;

    /**
     * Runs {@code then} on an I/O thread once a run just {@link Runs#submitHere started here} is durable (nothing
     * may be answered about it before: another request could not find it yet). If it is not recorded in time,
     * runs {@code otherwise} and answers the failure (503; the run is cancelled).
     */
    public void whenRecorded(RunView run, AsyncResponse async, Runnable then, Runnable otherwise) {
        runs.recorded(run)
                .whenCompleteAsync(
                        (recorded, failure) -> {
                            if (failure == null) {
                                try {
                                    then.run();
                                } catch (RuntimeException e) {
                                    async.resume(e); // unless it has answered already
                                }
                                return;
                            }
                            try {
                                otherwise.run();
                            } finally {
                                async.resume(
                                        failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
                            }
                        },
                        pools.io());
    }

    public void await(Caller caller, String runId, AsyncResponse async, Function<LogEntry, Response> answer) {
        await(caller, runId, answer)
                .whenComplete((response, failure) -> async.resume(failure == null ? response : failure));
    }

    /** The answer once the run ends, or {@code 202 Accepted} at the sync deadline. */
    public CompletableFuture<Response> await(Caller caller, String runId, Function<LogEntry, Response> answer) {
        CompletableFuture<Response> response = new CompletableFuture<>();
        CompletableFuture<LogEntry> end = new CompletableFuture<>();
        var subscription = runs.follow(caller, runId, 0, entry -> {
            if (entry.type().isTerminal()) {
                end.complete(entry);
            }
        });
        end.orTimeout(syncDeadline.toMillis(), TimeUnit.MILLISECONDS).whenComplete((entry, timeout) -> {
            subscription.close();
            try {
                response.complete(entry == null ? accepted(runId) : answer.apply(entry));
            } catch (RuntimeException e) {
                response.completeExceptionally(e);
            }
        });
        return response;
    }

    public static Response accepted(String runId) {
        return Response.accepted(JsonP.createObjectBuilder()
                        .add("id", runId)
                        .add("object", "run")
                        .add("status", "running")
                        .build()
                        .toString())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create("/api/v1/runs/" + runId))
                .header("Retry-After", "1")
                .build();
    }
}
