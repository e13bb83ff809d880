package org.switchboard.core.metrics.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This instance's one meter registry (Micrometer's Prometheus registry: the same on Payara 6 and 7, where Payara's
 * MicroProfile Metrics is deprecated; STACK.md), with the JVM basics bound to it: memory, GC, threads, class
 * loading, CPU and uptime.
 */
@ApplicationScoped
public class Registry {
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    @PostConstruct
    void start() {
        new JvmMemoryMetrics().bindTo(prometheus);
        gc.bindTo(prometheus);
        new JvmThreadMetrics().bindTo(prometheus);
        new ClassLoaderMetrics().bindTo(prometheus);
        new ProcessorMetrics().bindTo(prometheus);
        new UptimeMetrics().bindTo(prometheus);
    }

    public MeterRegistry meters() {
        return prometheus;
    }

    /** Every meter in the Prometheus text format (0.0.4). */
    public String scrape() {
        return prometheus.scrape();
    }

    @PreDestroy
    void stop() {
        gc.close();
        prometheus.close();
    }
}
