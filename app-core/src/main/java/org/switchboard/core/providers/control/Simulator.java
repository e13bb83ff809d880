package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.providers.control.SimulatorScript.Fault;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.SimulatorHints;
import org.switchboard.core.providers.entity.Usage;

/**
 * The built-in simulator provider (SPEC §4): deterministic text derived from the prompt, a configurable
 * token count, latency and inter-token delay, and fault injection. Tokens are emitted by a managed
 * scheduler, so a thousand slow simulated streams hold no thread between tokens.
 *
 * <p>The upstream model names a script ({@code sim}, {@code sim-fast}, {@code sim-slow}; any other name runs
 * {@code sim}). A provider's settings override the script for every call to it, so routing tests can make one
 * target slow or failing: {@code tokens}, {@code latency_ms}, {@code delay_ms}, {@code fault} (none, error,
 * cut, stall, malformed), {@code fault_after}, {@code status} (the HTTP status a simulated {@code error}
 * fault reports: 500 by default, 429, 401, 400 ...), {@code retry_after_s} (sent with it) and
 * {@code fail_times} (the fault strikes only the first n calls with these settings, then calls succeed).
 * Request hints ({@code X-Simulator-*} headers) override both; {@code X-Simulator-Echo: true} makes the reply
 * the prompt it received.
 */
public final class Simulator implements ProviderAdapter {
    private static final Map<String, SimulatorScript> MODELS = Map.of(
            "sim", new SimulatorScript(24, 0, 20, Fault.NONE, 0),
            "sim-fast", new SimulatorScript(24, 0, 0, Fault.NONE, 0),
            "sim-slow", new SimulatorScript(24, 500, 250, Fault.NONE, 0));
    private static final String[] WORDS = ("switchboard relays every token of a durable run to each subscriber"
                    + " while the provider keeps generating and the log keeps every event in order so a"
                    + " client can resume where it stopped without gap or duplicate")
            .split(" ");

    /** The scripts the seeded aliases name. */
    public static final List<String> SCRIPTS = List.of("sim", "sim-fast", "sim-slow");

    private final ScheduledExecutorService scheduler;
    private final Map<JsonObject, AtomicInteger> calls = new ConcurrentHashMap<>();

    public Simulator(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public String kind() {
        return "simulator";
    }

    @Override
    public void validate(Upstream upstream, ChatRequest request) {
        script(upstream, request);
    }

    @Override
    public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
        SimulatorScript script = script(upstream, request);
        JsonObject settings = upstream.settings();
        int failTimes = settings.getInt("fail_times", -1);
        if (failTimes >= 0
                && calls.computeIfAbsent(settings, s -> new AtomicInteger()).getAndIncrement() >= failTimes) {
            script = script.withFault(Fault.NONE);
        }
        int status = settings.getInt("status", 500);
        int retryAfter = settings.getInt("retry_after_s", -1);
        var emission = new Emission(script, seed(request), inputTokens(request), listener, status, retryAfter);
        emission.echo = echoed(request);
        emission.schedule(script.latencyMillis());
        return emission::cancel;
    }

    /**
     * Deterministic unit vectors ({@code dimensions} setting, default 8) derived from each input's text, so the
     * same text always embeds the same and different texts differ.
     */
    @Override
    public java.util.concurrent.CompletableFuture<Embeddings> embed(Upstream upstream, List<String> inputs) {
        int dimensions = Math.max(1, Math.min(4096, upstream.settings().getInt("dimensions", 8)));
        List<double[]> vectors = new java.util.ArrayList<>();
        int tokens = 0;
        for (String input : inputs) {
            java.util.Random random = new java.util.Random(input.hashCode());
            double[] vector = new double[dimensions];
            double norm = 0;
            for (int i = 0; i < dimensions; i++) {
                vector[i] = random.nextGaussian();
                norm += vector[i] * vector[i];
            }
            for (int i = 0; i < dimensions; i++) {
                vector[i] /= Math.sqrt(norm);
            }
            vectors.add(vector);
            tokens += input.isBlank() ? 0 : input.trim().split("\\s+").length;
        }
        return java.util.concurrent.CompletableFuture.completedFuture(new Embeddings(vectors, tokens));
    }

    @Override
    public java.util.concurrent.CompletableFuture<List<String>> models(Upstream upstream) {
        return java.util.concurrent.CompletableFuture.completedFuture(SCRIPTS);
    }

    private static SimulatorScript script(Upstream upstream, ChatRequest request) {
        return MODELS.getOrDefault(upstream.model(), MODELS.get("sim"))
                .withSettings(upstream.settings())
                .withHints(request.hints());
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

    /**
     * With the {@code simulator.echo} hint ({@code X-Simulator-Echo: true}) the reply is the prompt itself, one
     * word a token, each message as {@code [role] content}: a test sees exactly what a provider received.
     */
    private static String[] echoed(ChatRequest request) {
        if (!"true".equals(request.hints().get(SimulatorHints.PREFIX + "echo"))) {
            return null;
        }
        StringBuilder prompt = new StringBuilder();
        for (ChatMessage message : request.messages()) {
            prompt.append(" [").append(message.role()).append("] ").append(message.content());
        }
        return prompt.toString().strip().split("\\s+");
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
        private final int status;
        private final int retryAfterSeconds;
        private int emitted;
        private String[] echo;
        private volatile boolean cancelled;
        private volatile Future<?> next;

        Emission(
                SimulatorScript script,
                long seed,
                int inputTokens,
                GenerationListener listener,
                int status,
                int retryAfterSeconds) {
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
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
                if (emitted == (echo == null ? script.tokens() : echo.length)) {
                    listener.onUsage(new Usage(inputTokens, emitted, false));
                    listener.onComplete();
                    return;
                }
                listener.onDelta(echo == null ? token(seed, emitted) : (emitted == 0 ? "" : " ") + echo[emitted]);
                emitted++;
            } while (script.delayMillis() == 0);
            schedule(script.delayMillis());
        }

        /** Injects the scripted fault once {@code faultAfter} tokens are out; true when the stream ends here. */
        private boolean faultStrikes() {
            if (script.fault() == Fault.NONE || emitted < script.faultAfter()) {
                return false;
            }
            switch (script.fault()) {
                case ERROR -> listener.onError(UpstreamFailures.fromStatus(
                        status,
                        java.net.http.HttpHeaders.of(
                                retryAfterSeconds < 0
                                        ? Map.of()
                                        : Map.of("retry-after", List.of(Integer.toString(retryAfterSeconds))),
                                (name, value) -> true),
                        "{\"error\":{\"message\":\"The simulated upstream answered " + status + "\"}}"));
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
