package org.switchboard.admin.metrics;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.switchboard.core.metrics.entity.MetricsDashboard;
import org.switchboard.core.metrics.entity.MetricsMinute;
import org.switchboard.core.metrics.entity.UsageAmount;

/** The dashboard's six charts and how each one reads the hour. */
final class DashboardCharts {
    private final LineChart requests = new LineChart("chart-requests", "Requests and errors by class", "runs / min");
    private final LineChart firstToken = new LineChart("chart-first-token", "Time to first token", "ms");
    private final LineChart tokens = new LineChart("chart-tokens", "Tokens by tenant and model", "tokens / min");
    private final LineChart cost = new LineChart("chart-cost", "Cost by tenant and model", "cost / min");
    private final LineChart live = new LineChart("chart-live", "Live streams", "now");
    private final LineChart reconnects = new LineChart("chart-reconnects", "Disconnects and resumes", "per min");

    Div grid() {
        Div grid = new Div(requests, firstToken, tokens, cost, live, reconnects);
        grid.setId("metrics-charts");
        grid.setWidthFull();
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fit, minmax(420px, 1fr))")
                .set("gap", "var(--lumo-space-l)");
        return grid;
    }

    void show(MetricsDashboard hour) {
        List<MetricsMinute> minutes = hour.minutes();
        List<Long> at = minutes.stream().map(m -> m.at().toEpochMilli()).toList();
        List<LineChart.Series> requestLines = new ArrayList<>();
        requestLines.add(line("requests", minutes, MetricsMinute::requests));
        new TreeSet<>(minutes.stream()
                        .flatMap(m -> m.errorsByClass().keySet().stream())
                        .toList())
                .forEach(error -> requestLines.add(
                        line("error: " + error, minutes, m -> m.errorsByClass().getOrDefault(error, 0L))));
        requests.show(at, requestLines);
        firstToken.show(
                at,
                List.of(
                        line("p50", minutes, MetricsMinute::firstTokenP50),
                        line("p95", minutes, MetricsMinute::firstTokenP95),
                        line("p99", minutes, MetricsMinute::firstTokenP99)));
        tokens.show(at, usage(minutes, UsageAmount::tokens));
        cost.show(at, usage(minutes, UsageAmount::cost));
        live.show(
                at,
                List.of(
                        line("live streams", minutes, MetricsMinute::liveStreams),
                        line("active runs", minutes, MetricsMinute::activeRuns)));
        reconnects.show(
                at,
                List.of(
                        line("disconnects", minutes, MetricsMinute::disconnects),
                        line("resumes", minutes, MetricsMinute::resumes)));
    }

    /** One line per tenant and model seen in the hour; a minute without it is 0. */
    private static List<LineChart.Series> usage(List<MetricsMinute> minutes, Function<UsageAmount, Number> value) {
        Map<String, List<Number>> lines = new LinkedHashMap<>();
        for (int i = 0; i < minutes.size(); i++) {
            for (UsageAmount amount : minutes.get(i).usage()) {
                List<Number> values = lines.computeIfAbsent(
                        amount.tenant() + " · " + amount.model(), k -> new ArrayList<>(zeros(minutes.size())));
                values.set(i, value.apply(amount));
            }
        }
        return lines.entrySet().stream()
                .map(e -> new LineChart.Series(e.getKey(), e.getValue()))
                .toList();
    }

    private static LineChart.Series line(
            String name, List<MetricsMinute> minutes, Function<MetricsMinute, Number> value) {
        return new LineChart.Series(name, minutes.stream().map(value).toList());
    }

    private static List<Number> zeros(int size) {
        List<Number> zeros = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            zeros.add(0);
        }
        return zeros;
    }
}
