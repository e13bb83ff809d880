package org.switchboard.core.runs.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InstanceName;
import org.switchboard.core.providers.boundary.ModelNotFound;
import org.switchboard.core.providers.control.ChatProvider;
import org.switchboard.core.providers.control.ProviderRegistry;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.runs.control.LeaseKeeper;
import org.switchboard.core.runs.control.LiveRun;
import org.switchboard.core.runs.control.LiveRuns;
import org.switchboard.core.runs.control.RunEngine;
import org.switchboard.core.runs.control.RunStore;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Starts runs and shows them to their owners. Every read is scoped to the caller: another tenant's run,
 * or another user's run for a non-admin, is reported exactly like a run that does not exist.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the engine commits on its own threads
public class Runs {
    @Inject
    ProviderRegistry providers;

    @Inject
    RunStore store;

    @Inject
    RunEngine engine;

    @Inject
    LiveRuns live;

    @Inject
    LeaseKeeper leases;

    /** Records the run and starts generating; returns at once with the live run to follow. */
    public LiveRun start(Caller caller, ChatRequest request, String requestJson) {
        ChatProvider provider =
                providers.providerFor(request.model()).orElseThrow(() -> new ModelNotFound(request.model()));
        provider.validate(request);
        Run run = Run.running(
                Ids.next(),
                caller.tenant(),
                caller.user(),
                request.model(),
                requestJson,
                InstanceName.VALUE,
                leases.leaseEnd());
        store.create(run);
        return engine.start(run, request, provider);
    }

    public RunView find(Caller caller, String id) {
        Run run = Ids.parse(id).stream()
                .mapToObj(store::find)
                .filter(found -> found != null && visibleTo(caller, found))
                .findFirst()
                .orElseThrow(() -> new RunNotFound(id));
        String output = live.find(run.id()).map(LiveRun::output).orElseGet(() -> storedOutput(run.id()));
        return view(run, output);
    }

    /** The newest runs of every tenant, for the console. */
    public List<RunView> recent(int limit) {
        return store.recent(limit).stream().map(run -> view(run, "")).toList();
    }

    private static boolean visibleTo(Caller caller, Run run) {
        return run.tenantId().equals(caller.tenant())
                && (caller.isAdmin() || run.ownerId().equals(caller.user()));
    }

    private String storedOutput(long runId) {
        StringBuilder text = new StringBuilder();
        for (LogEntry entry : store.events(runId, 0)) {
            if (entry.type() == EventType.DELTA) {
                try (var reader = Json.createReader(new StringReader(entry.data()))) {
                    text.append(reader.readObject().getString("text"));
                }
            }
        }
        return text.toString();
    }

    private static RunView view(Run run, String output) {
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
                run.lastSeq());
    }
}
