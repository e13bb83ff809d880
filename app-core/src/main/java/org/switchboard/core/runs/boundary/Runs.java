package org.switchboard.core.runs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.metrics.boundary.RunMetrics;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InstanceName;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.routing.boundary.ModelNotFound;
import org.switchboard.core.routing.control.Router;
import org.switchboard.core.runs.control.LiveRun;
import org.switchboard.core.runs.control.LiveRuns;
import org.switchboard.core.runs.control.RequestCodec;
import org.switchboard.core.runs.control.RunDispatcher;
import org.switchboard.core.runs.control.RunFeed;
import org.switchboard.core.runs.control.RunRows;
import org.switchboard.core.runs.control.RunStore;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunSnapshot;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.runs.entity.RunSubscriber;
import org.switchboard.core.runs.entity.RunSubscription;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Submits runs, shows and follows them, cancels them. Every access is scoped to the caller: another
 * tenant's run (hidden by the {@link TenantScope}), or another user's run for a non-admin (hidden by
 * {@link #visible}, the one place of that per-user rule), is reported exactly like a run that does not exist.
 * A run that ended longer ago than the retention period answers {@link RunGone}.
 */
@ApplicationScoped // not an EJB: each store call commits on its own, and this is every request's path
@TenantScoped
public class Runs {
    @Inject
    Router router;

    @Inject
    RunMetrics metrics;

    @Inject
    RunStore store;

    @Inject
    TenantScope scope;

    @Inject
    RunRows rows;

    @Inject
    RunDispatcher dispatcher;

    @Inject
    RunFeed feed;

    @Inject
    LiveRuns live;

    @Inject
    jakarta.enterprise.event.Event<org.switchboard.core.runs.entity.RunEnded> ended;

    @Inject
    @ConfigProperty(name = "switchboard.runs.retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "switchboard.runs.record-timeout")
    Duration recordTimeout;

    /** Records the run as queued and wakes a worker (of any instance); returns at once. */
    public RunView submit(Caller caller, ChatRequest request, String callbackUrl) {
        return queue(newRun(caller, Ids.next(), request, callbackUrl));
    }

    /**
     * As {@link #submit(Caller, ChatRequest, String)}, under an id the caller took from {@link Ids#next()}
     * beforehand: a chat claims its one active run by that id before the run exists.
     */
    public RunView submit(Caller caller, long id, ChatRequest request) {
        return queue(newRun(caller, id, request, null));
    }

    private RunView queue(Run run) {
        rows.insertQueued(run);
        dispatcher.wake();
        return view(run, "", 0);
    }

    /**
     * Starts the run here at once, leased to this instance: for a client that stays connected to this instance
     * for the answer (a stream, a synchronous request), no worker needs to claim it. Its row is written with its
     * first event, without holding up the upstream call; answer the client once it is {@link #recorded}. Its
     * lease is kept and, should this instance die, recovered exactly as a claimed run's.
     */
    public RunView submitHere(Caller caller, ChatRequest request, String callbackUrl) {
        Run run = newRun(caller, Ids.next(), request, callbackUrl);
        run.start(InstanceName.VALUE, dispatcher.leaseEnd(), run.createdAt());
        dispatcher.launchNew(run, request);
        return view(run, "", 0);
    }

    /**
     * Completes once a run {@link #submitHere started here} is durable, and from then on known to every
     * instance; fails with {@link RunNotRecorded}, and cancels the run (a no-op if its upstream has finished),
     * if the database has not recorded it within the record timeout. Either way it is recorded as it ended once
     * the database answers again.
     */
    public CompletionStage<RunView> recorded(RunView run) {
        Optional<LiveRun> generating = live.find(run.id());
        if (generating.isEmpty()) {
            return CompletableFuture.completedFuture(run); // it has ended already, and durably
        }
        return generating
                .get()
                .recorded()
                .copy()
                .orTimeout(recordTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, failure) -> {
                    if (failure != null) {
                        generating.get().cancel();
                        throw new RunNotRecorded(run.id(), recordTimeout);
                    }
                    return run;
                });
    }

    private Run newRun(Caller caller, long id, ChatRequest request, String callbackUrl) {
        router.providerFor(caller.tenant(), request.model())
                .orElseThrow(() -> new ModelNotFound(request.model()))
                .validate(request);
        return Run.queued(
                id, scope.tenant(), caller.user(), request.model(), RequestCodec.encode(request), callbackUrl);
    }

    /** The run with its output so far; output and {@code lastSeq} come from one read of the log. */
    public RunView find(Caller caller, String id) {
        return snapshot(caller, id).run();
    }

    /** The run and every durable event of its log, read together. */
    public RunSnapshot snapshot(Caller caller, String id) {
        Run run = visible(caller, id);
        List<LogEntry> events = store.eventsInScope(run.id(), 0);
        int lastSeq = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        return new RunSnapshot(view(run, LogEntry.outputOf(events), lastSeq), events);
    }

    /**
     * Delivers every event after {@code afterSeq}, then live ones, until the terminal event or a close. Following
     * from a cursor is a client resuming its stream, and counts as one.
     */
    public RunSubscription follow(Caller caller, String id, int afterSeq, RunSubscriber subscriber) {
        RunSubscription following = feed.follow(visible(caller, id).id(), afterSeq, subscriber);
        if (afterSeq > 0) {
            metrics.resumed();
        }
        return following;
    }

    /**
     * Follows a run the caller has just submitted: it is theirs and has no events yet, so neither the run nor
     * its log is read; its events arrive once a worker starts it (at once after {@link #submitHere}).
     */
    public RunSubscription followSubmitted(RunView run, RunSubscriber subscriber) {
        return feed.followNew(run.id(), subscriber);
    }

    /**
     * Cancels the run and its upstream call. Idempotent: cancelling an ended run changes nothing. A run
     * generating on another instance is cancelled there within a couple of seconds.
     */
    public RunView cancel(Caller caller, String id) {
        Run run = visible(caller, id);
        if (!run.status().isTerminal()) {
            live.find(run.id()).ifPresentOrElse(LiveRun::cancel, () -> {
                if (rows.cancelQueued(run.id())) {
                    ended.fireAsync(new org.switchboard.core.runs.entity.RunEnded(run.id()));
                } else {
                    rows.requestCancel(run.id());
                }
            });
        }
        return find(caller, id);
    }

    private Run visible(Caller caller, String id) {
        Run run = Ids.parse(id).stream()
                .mapToObj(store::findInScope)
                .filter(found -> found != null && visibleTo(caller, found))
                .findFirst()
                .orElseThrow(() -> new RunNotFound(id));
        if (run.status() == RunStatus.EXPIRED
                || run.endedAt() != null && run.endedAt().plus(retention).isBefore(Instant.now())) {
            throw new RunGone(id);
        }
        return run;
    }

    /** The per-user rule: within a tenant, a user sees their own runs, a tenant admin every run. */
    private static boolean visibleTo(Caller caller, Run run) {
        return caller.isAdmin() || run.ownerId().equals(caller.user());
    }

    private static RunView view(Run run, String output, int lastSeq) {
        return new RunView(
                run.id(),
                run.tenantId(),
                run.ownerId(),
                run.model(),
                run.status(),
                run.statusReason(),
                run.createdAt(),
                run.endedAt(),
                run.usage(),
                output,
                lastSeq,
                run.servedBy(),
                run.attempts(),
                run.upstreamConversationId(),
                run.routeAttempts());
    }
}
