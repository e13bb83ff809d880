package org.switchboard.core.runs.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.runs.entity.RunSubscriber;
import org.switchboard.core.runs.entity.RunSubscription;

/**
 * A run that is generating on this instance: hands out seqs, keeps the events that are already durable
 * for late subscribers, and fans them out live. Subscribing replays then attaches under one lock, so a
 * subscriber sees every seq after its cursor exactly once.
 */
public final class LiveRun {
    private final long id;
    private final String tenantId;
    private final String ownerId;
    private final boolean callback;
    private final List<LogEntry> published = new ArrayList<>();
    private final List<RunSubscriber> subscribers = new ArrayList<>();
    private final CompletableFuture<LogEntry> terminal = new CompletableFuture<>();
    private final CompletableFuture<Void> recorded = new CompletableFuture<>();
    private final ArrayDeque<LogEntry> durable = new ArrayDeque<>();
    private int lastSeq;
    private int committedSeq;
    private int fastLaneTail;
    private volatile Control control;
    private Usage usage;
    private String servedBy;
    private int attempts;
    private String upstreamConversationId;
    private final RouteLog route = new RouteLog();

    public LiveRun(Run run) {
        this.id = run.id();
        this.tenantId = run.tenantId();
        this.ownerId = run.ownerId();
        this.callback = run.callbackUrl() != null;
    }

    /** Whether the run's end is to be posted to a callback URL. */
    boolean hasCallback() {
        return callback;
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String ownerId() {
        return ownerId;
    }

    /** Completes once the run's first event is durable, and so is the run. */
    public CompletableFuture<Void> recorded() {
        return recorded;
    }

    /** Completes with the terminal event once it is durable. */
    public CompletableFuture<LogEntry> terminal() {
        return terminal;
    }

    public synchronized Usage usage() {
        return usage;
    }

    /** Replays the durable events after {@code afterSeq}, then delivers new ones as they become durable. */
    public synchronized RunSubscription subscribe(int afterSeq, RunSubscriber subscriber) {
        for (LogEntry entry : published) {
            if (entry.seq() > afterSeq) {
                subscriber.onEvent(entry);
            }
        }
        if (!terminal.isDone()) {
            subscribers.add(subscriber);
        }
        return () -> unsubscribe(subscriber);
    }

    synchronized LogEntry next(org.switchboard.core.runs.entity.EventType type, String data) {
        return new LogEntry(id, ++lastSeq, type, data);
    }

    synchronized void recordUsage(Usage usage) {
        this.usage = usage;
    }

    synchronized void recordRoute(String servedBy, int attempts) {
        this.servedBy = servedBy;
        this.attempts = attempts;
        route.served();
    }

    /** The attempts of the run's route, as they happen. */
    RouteLog route() {
        return route;
    }

    synchronized void recordConversation(String upstreamConversationId) {
        this.upstreamConversationId = upstreamConversationId;
    }

    /**
     * What the terminal event writes to the run row; {@code endType} is how the run ended ({@code served} when it
     * completed, else its problem type), the outcome of an attempt the end cut short.
     */
    synchronized Termination termination(RunStatus status, String endType, String reason) {
        return new Termination(status, reason, usage, servedBy, attempts, upstreamConversationId, route.close(endType));
    }

    void attach(Control control) {
        this.control = control;
    }

    /** Ends the run as cancelled and stops its upstream call; a no-op once the run has ended. */
    public void cancel() {
        control.cancel();
    }

    void checkDeadlines(long nowNanos) {
        control.checkDeadlines(nowNanos);
    }

    /**
     * Ends the run {@code incomplete} because this instance is stopping, and stops its upstream call; a no-op
     * once the run has ended.
     */
    void interrupt() {
        control.interrupt();
    }

    /**
     * Whether the event log commits {@code entry} on its fast lane rather than with the next group commit: an
     * {@code urgent} event (a client waits for it) takes it when every earlier event of the run is durable, and
     * the events after it follow it there until it is durable too. So the run's events become durable in seq
     * order whichever lane carries them: the log never holds a seq without the ones before it.
     */
    synchronized boolean takesFastLane(LogEntry entry, boolean urgent) {
        if (fastLaneTail > committedSeq || urgent && committedSeq == entry.seq() - 1) {
            fastLaneTail = entry.seq();
            return true;
        }
        return false;
    }

    /** Records that {@code entry} is durable: it is {@link #publishCommitted published} next, in seq order. */
    void committed(LogEntry entry) {
        synchronized (this) {
            durable.add(entry);
            committedSeq = entry.seq();
        }
        recorded.complete(null);
    }

    /**
     * Publishes every durable event not yet published, in seq order. Either lane's thread may call it after
     * its commit; a later call finds nothing left to do.
     */
    synchronized void publishCommitted() {
        for (LogEntry entry = durable.poll(); entry != null; entry = durable.poll()) {
            publish(entry);
        }
    }

    synchronized void publish(LogEntry entry) {
        published.add(entry);
        for (RunSubscriber subscriber : List.copyOf(subscribers)) {
            subscriber.onEvent(entry);
        }
        if (entry.type().isTerminal()) {
            subscribers.clear();
            terminal.complete(entry);
        }
    }

    private synchronized void unsubscribe(RunSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** The engine's handle on the generation behind a live run. */
    interface Control {
        void cancel();

        void checkDeadlines(long nowNanos);

        void interrupt();
    }

    /** What the terminal event does to the run row; {@code routeAttempts} is their stored JSON (null: none). */
    record Termination(
            RunStatus status,
            String reason,
            Usage usage,
            String servedBy,
            int attempts,
            String upstreamConversationId,
            String routeAttempts) {}
}
