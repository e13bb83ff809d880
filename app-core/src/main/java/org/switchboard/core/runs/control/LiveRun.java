package org.switchboard.core.runs.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;

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
    private int lastSeq;
    private volatile Control control;
    private Usage usage;
    private String servedBy;
    private int attempts;
    private String upstreamConversationId;

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

    /** Completes with the terminal event once it is durable. */
    public CompletableFuture<LogEntry> terminal() {
        return terminal;
    }

    public synchronized Usage usage() {
        return usage;
    }

    /** Replays the durable events after {@code afterSeq}, then delivers new ones as they become durable. */
    public synchronized Subscription subscribe(int afterSeq, RunSubscriber subscriber) {
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
    }

    synchronized void recordConversation(String upstreamConversationId) {
        this.upstreamConversationId = upstreamConversationId;
    }

    /** What the terminal event writes to the run row. */
    synchronized Termination termination(RunStatus status, String reason) {
        return new Termination(status, reason, usage, servedBy, attempts, upstreamConversationId);
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

    /** Detaches a subscriber; the run goes on. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** The engine's handle on the generation behind a live run. */
    interface Control {
        void cancel();

        void checkDeadlines(long nowNanos);
    }

    /** What the terminal event does to the run row. */
    record Termination(
            RunStatus status,
            String reason,
            Usage usage,
            String servedBy,
            int attempts,
            String upstreamConversationId) {}
}
