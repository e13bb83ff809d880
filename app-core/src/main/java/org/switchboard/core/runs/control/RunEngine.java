package org.switchboard.core.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.core.providers.control.ChatProvider;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * Drives a generation and turns the provider's callbacks into the run's event log: {@code run} first,
 * then {@code delta}s, {@code usage}, and exactly one terminal {@code done} or {@code error}.
 */
@ApplicationScoped
public class RunEngine {
    @Inject
    RunLog log;

    @Inject
    LiveRuns live;

    public LiveRun start(Run run, ChatRequest request, ChatProvider provider) {
        LiveRun liveRun = new LiveRun(run);
        live.add(liveRun);
        log.append(liveRun, liveRun.next(EventType.RUN, EventData.run(run)), null);
        liveRun.attach(provider.generate(request, new Relay(liveRun)));
        return liveRun;
    }

    /** Appends a provider's callbacks to the log. The provider calls it in order, never concurrently. */
    private final class Relay implements GenerationListener {
        private final LiveRun run;
        private boolean anyOutput;
        private boolean ended;

        Relay(LiveRun run) {
            this.run = run;
        }

        @Override
        public void onDelta(String text) {
            if (ended || text.isEmpty()) {
                return;
            }
            anyOutput = true;
            run.recordDelta(text);
            log.append(run, run.next(EventType.DELTA, EventData.delta(text)), null);
        }

        @Override
        public void onUsage(Usage usage) {
            if (ended) {
                return;
            }
            run.recordUsage(usage);
            log.append(run, run.next(EventType.USAGE, EventData.usage(usage)), null);
        }

        @Override
        public void onComplete() {
            if (ended) {
                return;
            }
            ended = true;
            Usage usage = run.usage() == null ? new Usage(0, 0, true) : run.usage();
            var end = new LiveRun.Termination(RunStatus.COMPLETED, null, usage);
            log.append(run, run.next(EventType.DONE, EventData.done(usage)), end);
        }

        @Override
        public void onError(ProviderFailure failure) {
            if (ended) {
                return;
            }
            ended = true;
            // Partial output is kept and the run is incomplete; with no output at all it simply failed.
            RunStatus status = anyOutput ? RunStatus.INCOMPLETE : RunStatus.FAILED;
            String data = EventData.error(failure.type(), "Upstream failure", failure.detail(), status);
            var end = new LiveRun.Termination(status, failure.detail(), run.usage());
            log.append(run, run.next(EventType.ERROR, data), end);
        }
    }
}
