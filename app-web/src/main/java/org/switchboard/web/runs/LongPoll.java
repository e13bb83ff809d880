package org.switchboard.web.runs;

import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.RunSnapshot;
import org.switchboard.core.tenants.entity.Caller;

/**
 * {@code GET /api/v1/runs/{id}?after=<seq>&wait=<s>}: answers at once when there are events after the cursor
 * (or the run has ended, or no wait was asked for); otherwise waits for the next event, up to {@code wait}
 * seconds (at most 30), and answers with no events on timeout. No thread waits meanwhile.
 */
final class LongPoll {
    static final int MAX_WAIT_SECONDS = 30;

    private final Runs runs;
    private final Caller caller;
    private final String id;
    private final int after;
    private final int waitSeconds;

    LongPoll(Runs runs, Caller caller, String id, int after, int waitSeconds) {
        this.runs = runs;
        this.caller = caller;
        this.id = id;
        this.after = after;
        this.waitSeconds = waitSeconds;
    }

    static int waitSeconds(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 0) {
                return Math.min(seconds, MAX_WAIT_SECONDS);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput(
                "invalid-wait", "'wait' must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }

    void answer(AsyncResponse async) {
        RunSnapshot now = runs.snapshot(caller, id);
        if (waitSeconds == 0
                || !now.after(after).isEmpty()
                || now.run().status().isTerminal()) {
            async.resume(respond(now));
            return;
        }
        CompletableFuture<Void> next = new CompletableFuture<>();
        var subscription = runs.follow(caller, id, after, entry -> next.complete(null));
        next.completeOnTimeout(null, waitSeconds, TimeUnit.SECONDS).whenComplete((ignored, failure) -> {
            subscription.close();
            try {
                async.resume(respond(runs.snapshot(caller, id)));
            } catch (RuntimeException e) {
                async.resume(e);
            }
        });
    }

    private jakarta.ws.rs.core.Response respond(RunSnapshot snapshot) {
        return RunsResource.withRetryAfter(RunJson.withEvents(snapshot.run(), snapshot.after(after), after));
    }
}
