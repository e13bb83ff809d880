package org.switchboard.core.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The names of the meters the dashboard reads, and the buckets and label sets of the run meters, and the meters themselves, made once per label set. Histogram
 * buckets are fixed (service-level boundaries) rather than Micrometer's ~70 default ones: a short scrape, and a
 * record is one binary search and one atomic increment. The time to first token and total duration also publish
 * their p50/p95/p99 (computed here over a sliding two-minute window); the inter-token gap, recorded per token,
 * publishes buckets only.
 */
public final class RunMeters {
    public static final String FIRST_TOKEN = "switchboard.run.first.token";
    public static final String DURATION = "switchboard.run.duration";
    public static final String GAP = "switchboard.run.token.gap";
    public static final String ENDED = "switchboard.runs.ended";
    public static final String TOKENS = "switchboard.tokens";
    public static final String COST = "switchboard.cost";
    public static final String ACTIVE = "switchboard.runs.active";
    public static final String RESUMES = "switchboard.stream.resumes";
    public static final String STREAMS_LIVE = "switchboard.streams.live";
    public static final String DISCONNECTS = "switchboard.stream.disconnects";

    static final Duration[] FIRST_TOKEN_BUCKETS = millis(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000);
    static final Duration[] DURATION_BUCKETS =
            millis(100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 120000, 300000, 600000);
    static final Duration[] GAP_BUCKETS = millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 5000);

    private final MeterRegistry registry;
    private final BoundedLabel models;
    private final BoundedLabel targets;
    private final BoundedLabel tenants;
    private final BoundedLabel errors;

    public RunMeters(MeterRegistry registry, int maxLabelValues) {
        this.registry = registry;
        this.models = new BoundedLabel(maxLabelValues);
        this.targets = new BoundedLabel(maxLabelValues);
        this.tenants = new BoundedLabel(maxLabelValues);
        this.errors = new BoundedLabel(maxLabelValues);
    }

    public String model(String alias) {
        return models.of(alias);
    }

    public String target(String target) {
        return targets.of(target);
    }

    public String tenant(String tenant) {
        return tenants.of(tenant);
    }

    public Timer firstToken(String model, String target) {
        return Timer.builder(FIRST_TOKEN)
                .description("Time from a run's start on this instance to its first token")
                .tags("model", model, "target", target)
                .serviceLevelObjectives(FIRST_TOKEN_BUCKETS)
                .register(registry);
    }

    public Timer duration(String model, String target) {
        return Timer.builder(DURATION)
                .description("Time from a run's start on this instance to its end, whatever the end")
                .tags("model", model, "target", target)
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry);
    }

    public Timer gap(String model, String target) {
        return Timer.builder(GAP)
                .description("Time between two consecutive tokens of a run")
                .tags("model", model, "target", target)
                .serviceLevelObjectives(GAP_BUCKETS)
                .register(registry);
    }

    /** The counters of one model's runs by final status and error class, made on first use. */
    public Endings endings(String model) {
        return new Endings(model);
    }

    /** The counters of a tenant's token and cost use of one model. */
    public Usage usage(String tenant, String model) {
        return new Usage(
                Counter.builder(TOKENS)
                        .description("Tokens of ended runs")
                        .tags("tenant", tenant, "model", model, "direction", "input")
                        .register(registry),
                Counter.builder(TOKENS)
                        .description("Tokens of ended runs")
                        .tags("tenant", tenant, "model", model, "direction", "output")
                        .register(registry),
                Counter.builder(COST)
                        .description("Cost of ended runs at their target's prices (the prices' currency)")
                        .tags("tenant", tenant, "model", model)
                        .register(registry));
    }

    /** A tenant's counters of one model. */
    public record Usage(Counter input, Counter output, Counter cost) {}

    /** One model's run counters by status and error class; {@code none} is the error class of a completed run. */
    public final class Endings {
        private final String model;
        private final ConcurrentMap<String, ConcurrentMap<String, Counter>> byStatus = new ConcurrentHashMap<>();

        private Endings(String model) {
            this.model = model;
        }

        public Counter of(String status, String error) {
            String errorClass = error == null ? "none" : errors.of(error);
            ConcurrentMap<String, Counter> byError = byStatus.get(status);
            if (byError == null) {
                byError = byStatus.computeIfAbsent(status, s -> new ConcurrentHashMap<>());
            }
            Counter counter = byError.get(errorClass);
            return counter != null
                    ? counter
                    : byError.computeIfAbsent(errorClass, e -> Counter.builder(ENDED)
                            .description("Runs ended on this instance, by final status and error class")
                            .tags("model", model, "status", status, "error", e)
                            .register(registry));
        }
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }
}
