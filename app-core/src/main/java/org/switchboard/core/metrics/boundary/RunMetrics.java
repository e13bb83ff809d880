package org.switchboard.core.metrics.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.metrics.control.Registry;
import org.switchboard.core.metrics.control.RunMeters;
import org.switchboard.core.metrics.entity.RunOutcome;

/**
 * Where runs record their meters. The token path is the product's hottest: a run resolves its {@link ModelSeries}
 * once (when its target is known), records each token gap on it, and everything else once, at its end, from what it
 * collected anyway. Lookups are map reads of label values already admitted; label sets are capped
 * ({@code switchboard.metrics.max-label-values}, then {@code other}).
 */
@ApplicationScoped
public class RunMetrics {
    /** The target label of a run that ended before any target answered. */
    public static final String NO_TARGET = "none";

    @Inject
    Registry registry;

    @Inject
    @ConfigProperty(name = "switchboard.metrics.max-label-values")
    int maxLabelValues;

    private RunMeters meters;
    private Counter resumes;
    private final ConcurrentMap<String, Model> models = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, RunMeters.Usage>> usage = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        meters = new RunMeters(registry.meters(), maxLabelValues);
        resumes = Counter.builder(RunMeters.RESUMES)
                .description("Streams that follow a run from a cursor (Last-Event-ID or after)")
                .register(registry.meters());
    }

    /** The meters of {@code alias} served by {@code target} ({@link #NO_TARGET} if none answered). */
    public ModelSeries series(String alias, String target) {
        String label = meters.model(alias);
        Model model = models.get(label);
        if (model == null) {
            model = models.computeIfAbsent(label, Model::new);
        }
        return model.target(target);
    }

    /** Records a run's end; called once per run, as its terminal event is appended. */
    public void ended(ModelSeries series, RunOutcome outcome) {
        if (outcome.firstTokenNanos() >= 0) {
            series.firstToken.record(outcome.firstTokenNanos(), TimeUnit.NANOSECONDS);
        }
        series.duration.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
        series.endings.of(outcome.status(), outcome.error()).increment();
        RunMeters.Usage used = usage(outcome.tenant(), series.model);
        if (outcome.inputTokens() > 0) {
            used.input().increment(outcome.inputTokens());
        }
        if (outcome.outputTokens() > 0) {
            used.output().increment(outcome.outputTokens());
        }
        if (outcome.cost() != null) {
            used.cost().increment(outcome.cost().doubleValue());
        }
    }

    /** Publishes how many runs generate on this instance now. */
    public void activeRuns(IntSupplier count) {
        Gauge.builder(RunMeters.ACTIVE, count::getAsInt)
                .description("Runs generating on this instance")
                .strongReference(true)
                .register(registry.meters());
    }

    /** A client follows a run from a cursor: it resumes a stream. */
    public void resumed() {
        resumes.increment();
    }

    private RunMeters.Usage usage(String tenant, String model) {
        String tenantLabel = meters.tenant(tenant);
        ConcurrentMap<String, RunMeters.Usage> byModel = usage.get(tenantLabel);
        if (byModel == null) {
            byModel = usage.computeIfAbsent(tenantLabel, t -> new ConcurrentHashMap<>());
        }
        RunMeters.Usage used = byModel.get(model);
        return used != null ? used : byModel.computeIfAbsent(model, m -> meters.usage(tenantLabel, m));
    }

    /** One alias's meters by target. */
    private final class Model {
        private final String label;
        private final RunMeters.Endings endings;
        private final ConcurrentMap<String, ModelSeries> byTarget = new ConcurrentHashMap<>();

        Model(String label) {
            this.label = label;
            this.endings = meters.endings(label);
        }

        ModelSeries target(String target) {
            String targetLabel = meters.target(target);
            ModelSeries series = byTarget.get(targetLabel);
            return series != null
                    ? series
                    : byTarget.computeIfAbsent(
                            targetLabel,
                            t -> new ModelSeries(
                                    label,
                                    meters.firstToken(label, t),
                                    meters.duration(label, t),
                                    meters.gap(label, t),
                                    endings));
        }
    }
}
