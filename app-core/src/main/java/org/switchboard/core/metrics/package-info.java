/**
 * Metrics: this instance's Micrometer registry in the Prometheus format ({@code boundary.MetricsScrape}, served at
 * {@code /metrics} by the web module) and the last hour of it, minute by minute, for the console's dashboard
 * ({@code boundary.MetricsHistory}).
 *
 * <p>Invariants: label values are bounded — tenant, model alias, target and error class each keep at most
 * {@code switchboard.metrics.max-label-values} distinct values, then {@code other}; no run, user or request id is
 * ever a label. Recording on the token path allocates nothing: a run resolves its {@code boundary.ModelSeries} once
 * and records its token gaps on it; the rest is recorded once, when the run ends, from what the run engine collected
 * anyway ({@code entity.RunOutcome}).
 *
 * <p>Dependencies: metrics stands on platform and the tenants' caller only. Features record into it through its
 * boundaries ({@code RunMetrics}, {@code StreamMetrics}, {@code WebhookMetrics}, {@code RoutingMetrics}), never the
 * reverse, so metrics knows no run, route or webhook type.
 */
package org.switchboard.core.metrics;
