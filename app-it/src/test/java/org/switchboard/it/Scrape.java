package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /metrics}, parsed from the Prometheus text format: series name with labels → value. */
record Scrape(Map<String, Double> series) {
    static final String TOKEN = "it-metrics-token";
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    static Scrape take() {
        HttpResponse<String> response = Api.get("/metrics", TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (!line.startsWith("#") && matcher.matches()) {
                series.put(
                        matcher.group(1) + "{" + (matcher.group(3) == null ? "" : matcher.group(3)) + "}",
                        Double.parseDouble(matcher.group(4)));
            }
        }
        return new Scrape(series);
    }

    /** The sum of the series called {@code name} whose labels include every {@code label=value} pair given. */
    double sum(String name, String... labels) {
        return series.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{"))
                .filter(e -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!e.getKey().contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** Whether any series called {@code name} is present. */
    boolean has(String name) {
        return series.keySet().stream().anyMatch(key -> key.startsWith(name + "{"));
    }

    /** How much {@link #sum} grew since {@code before}. */
    double since(Scrape before, String name, String... labels) {
        return sum(name, labels) - before.sum(name, labels);
    }
}
