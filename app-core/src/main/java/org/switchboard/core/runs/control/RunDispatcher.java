package org.switchboard.core.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.InstanceName;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.routing.control.RoutedChat;
import org.switchboard.core.routing.control.Router;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.runs.entity.Run;

/**
 * Claims queued runs and starts them on this instance. A submission wakes it at once; a timer wakes it
 * too, for runs queued by an instance that went away before claiming them. At most one claim pass runs
 * at a time per instance; a wake during a pass makes it go round once more.
 */
@ApplicationScoped
public class RunDispatcher {
    private static final Logger LOG = Logger.getLogger(RunDispatcher.class.getName());
    private static final int CLAIM_BATCH = 32;

    @Inject
    org.switchboard.core.platform.ThreadPools pools;

    @Inject
    RunRows rows;

    @Inject
    RunEngine engine;

    @Inject
    Router router;

    @Inject
    @ConfigProperty(name = "switchboard.runs.lease")
    Duration lease;

    private final AtomicBoolean claiming = new AtomicBoolean();
    private volatile boolean wokenAgain;

    public void wake() {
        wokenAgain = true;
        if (claiming.compareAndSet(false, true)) {
            pools.io().execute(this::claimAll);
        }
    }

    private void claimAll() {
        try {
            while (wokenAgain) {
                wokenAgain = false;
                List<Run> claimed;
                do {
                    claimed = rows.claimQueued(InstanceName.VALUE, leaseEnd(), CLAIM_BATCH);
                    claimed.forEach(this::launch);
                } while (claimed.size() == CLAIM_BATCH);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming queued runs failed; the next wake retries", e);
        } finally {
            claiming.set(false);
        }
        if (wokenAgain) {
            wake(); // woken between the last pass and the release: do not lose it
        }
    }

    private void launch(Run run) {
        launch(run, RequestCodec.decode(run.request()), false);
    }

    /**
     * Starts a new run, {@link Run#start already leased} to this instance, right away, for a client connected
     * here: its row is written with its first event, and its upstream call does not wait for that commit.
     */
    public LiveRun launchNew(Run run, ChatRequest request) {
        return launch(run, request, true);
    }

    private LiveRun launch(Run run, ChatRequest request, boolean record) {
        var routed = router.chatFor(run.tenantId(), run.model());
        LiveRun liveRun = engine.start(
                run,
                request,
                routed.map(RoutedChat::provider).orElse(Unserved.INSTANCE),
                routed.map(RoutedChat::deadlines).orElse(DeadlineSettings.DEFAULTS),
                record);
        LOG.fine(() -> "Run " + liveRun.id() + " started on " + InstanceName.VALUE);
        return liveRun;
    }

    /** When a run started on this instance now would have to renew its lease by. */
    public Instant leaseEnd() {
        return Instant.now().plus(lease);
    }

    /** Stands in for a provider that disappeared between submission and claim: the run fails at once. */
    private enum Unserved implements org.switchboard.core.providers.control.ChatProvider {
        INSTANCE;

        @Override
        public org.switchboard.core.providers.control.Generation generate(
                org.switchboard.core.providers.entity.ChatRequest request,
                org.switchboard.core.providers.control.GenerationListener listener) {
            listener.onError(new ProviderFailure("model-not-found", "No provider serves this model any more", 0));
            return () -> {};
        }
    }
}
