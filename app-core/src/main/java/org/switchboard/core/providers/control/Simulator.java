package org.switchboard.core.providers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.providers.control.SimulatorScript.Fault;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ModelInfo;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * The built-in simulator provider (SPEC §4): deterministic text derived from the prompt, a configurable
 * token count, latency and inter-token delay, and fault injection. Tokens are emitted by a managed
 * scheduler, so a thousand slow simulated streams hold no thread between tokens.
 */
@ApplicationScoped
public class Simulator implements ChatProvider {
    private static final String OWNER = "switchboard-simulator";
    private static final Map<String, SimulatorScript> MODELS = Map.of(
            "sim", new SimulatorScript(24, 0, 20, Fault.NONE, 0),
            "sim-fast", new SimulatorScript(24, 0, 0, Fault.NONE, 0),
            "sim-slow", new SimulatorScript(24, 500, 250, Fault.NONE, 0));
    private static final String[] WORDS = ("switchboard relays every token of a durable run to each subscriber"
                    + " while the provider keeps generating and the log keeps every event in order so a"
                    + " client can resume where it stopped without gap or duplicate")
            .split(" ");

    @Inject
    org.switchboard.core.platform.ThreadPools pools;

    ScheduledExecutorService scheduler;

    @jakarta.annotation.PostConstruct
    void init() {
        scheduler = pools.timers();
    }

    boolean serves(String model) {
        return MODELS.containsKey(model);
    }

    @Override
    public List<ModelInfo> models() {
        return MODELS.keySet().stream()
                .sorted()
                .map(id -> new ModelInfo(id, OWNER))
                .toList();
    }

    @Override
    public void validate(ChatRequest request) {
        MODELS.get(request.model()).withHints(request.hints());
    }

    @Override
    public Generation generate(ChatRequest request, GenerationListener listener) {
        SimulatorScript script = MODELS.get(request.model()).withHints(request.hints());
        var emission = new Emission(script, seed(request), inputTokens(request), listener);
        emission.schedule(script.latencyMillis());
        return emission::cancel;
    }

    /** The deterministic text the simulator produces for a prompt: the n-th token of a reply. */
    static String token(long seed, int index) {
        String word = WORDS[(int) Math.floorMod(seed + index * 7L, WORDS.length)];
        return index == 0 ? word : " " + word;
    }

    private static long seed(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        return messages.isEmpty()
                ? 0
                : messages.get(messages.size() - 1).content().hashCode();
    }

    private static int inputTokens(ChatRequest request) {
        int words = 0;
        for (ChatMessage message : request.messages()) {
            words += message.content().isBlank() ? 0 : message.content().trim().split("\\s+").length;
        }
        return words;
    }

    /** One simulated stream: emits token after token on the scheduler until done, faulted or cancelled. */
    private final class Emission implements Runnable {
        private final SimulatorScript script;
        private final long seed;
        private final int inputTokens;
        private final GenerationListener listener;
        private int emitted;
        private volatile boolean cancelled;
        private volatile Future<?> next;

        Emission(SimulatorScript script, long seed, int inputTokens, GenerationListener listener) {
            this.script = script;
            this.seed = seed;
            this.inputTokens = inputTokens;
            this.listener = listener;
        }

        void schedule(long delayMillis) {
            next = scheduler.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
        }

        void cancel() {
            cancelled = true;
            Future<?> pending = next;
            if (pending != null) {
                pending.cancel(false);
            }
        }

        @Override
        public synchronized void run() {
            do {
                if (cancelled || faultStrikes()) {
                    return;
                }
                if (emitted == script.tokens()) {
                    listener.onUsage(new Usage(inputTokens, emitted, false));
                    listener.onComplete();
                    return;
                }
                listener.onDelta(token(seed, emitted++));
            } while (script.delayMillis() == 0);
            schedule(script.delayMillis());
        }

        /** Injects the scripted fault once {@code faultAfter} tokens are out; true when the stream ends here. */
        private boolean faultStrikes() {
            if (script.fault() == Fault.NONE || emitted < script.faultAfter()) {
                return false;
            }
            switch (script.fault()) {
                case ERROR -> listener.onError(new ProviderFailure(
                        "upstream-error", "The simulated upstream answered 500 Internal Server Error", 500));
                case CUT -> listener.onError(new ProviderFailure(
                        "upstream-cut", "The simulated upstream closed the stream before it was complete", 0));
                case MALFORMED -> listener.onError(new ProviderFailure(
                        "upstream-malformed", "The simulated upstream sent a chunk that is not valid JSON", 0));
                default -> {
                    // STALL: say nothing more, ever; only a deadline or a cancel ends this generation.
                }
            }
            return true;
        }
    }
}
