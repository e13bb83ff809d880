package org.switchboard.admin.metrics;

import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;

/**
 * One Chart.js line chart over the last hour. Chart.js (MIT) comes from its WebJar on Maven Central, served by this
 * WAR from the jar's {@code META-INF/resources}: no npm build and no third-party JavaScript in the repository.
 * Vaadin loads the script before it runs the calls below, which create the chart once and then swap its data.
 */
@JavaScript("context://webjars/chart.js/4.5.1/dist/chart.umd.min.js")
class LineChart extends Div {
    /** Chart.js' default palette, so a series keeps its colour from one refresh to the next. */
    private static final String[] COLOURS = {
        "#36a2eb", "#ff6384", "#4bc0c0", "#ff9f40", "#9966ff", "#ffcd56", "#c9cbcf", "#2e7d32", "#8d6e63", "#00838f"
    };

    /** One named line: a value per minute, null where there is none. */
    record Series(String name, List<? extends Number> values) {}

    LineChart(String id, String title, String unit) {
        setId(id);
        addClassName("metrics-chart");
        getStyle()
                .set("min-width", "0")
                .set("height", "260px")
                .set("display", "flex")
                .set("flex-direction", "column");
        Div canvasBox = new Div();
        canvasBox.getStyle().set("position", "relative").set("flex", "1").set("min-height", "0");
        canvasBox.getElement().appendChild(new com.vaadin.flow.dom.Element("canvas"));
        H3 heading = new H3(title);
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("font-size", "var(--lumo-font-size-m)");
        add(heading, canvasBox);
        getElement()
                .executeJs(
                        """
                const canvas = this.querySelector('canvas');
                this.$chart = new Chart(canvas, {
                  type: 'line',
                  data: { labels: [], datasets: [] },
                  options: {
                    animation: false, maintainAspectRatio: false, spanGaps: true,
                    interaction: { mode: 'index', intersect: false },
                    scales: { y: { beginAtZero: true, title: { display: $0 !== '', text: $0 } } },
                    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }
                  }
                });""",
                        unit);
    }

    /** Draws {@code series} over the minutes starting at {@code minutes} (epoch millis), in the browser's zone. */
    void show(List<Long> minutes, List<Series> series) {
        JsonArray labels = Json.createArray();
        for (int i = 0; i < minutes.size(); i++) {
            labels.set(i, minutes.get(i));
        }
        JsonArray datasets = Json.createArray();
        for (int s = 0; s < series.size(); s++) {
            JsonObject dataset = Json.createObject();
            dataset.put("label", series.get(s).name());
            JsonArray data = Json.createArray();
            List<? extends Number> values = series.get(s).values();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    data.set(i, Json.createNull());
                } else {
                    data.set(i, values.get(i).doubleValue());
                }
            }
            dataset.put("data", data);
            dataset.put("borderColor", COLOURS[s % COLOURS.length]);
            dataset.put("backgroundColor", COLOURS[s % COLOURS.length]);
            dataset.put("pointRadius", 2);
            datasets.set(s, dataset);
        }
        getElement()
                .executeJs(
                        """
                const chart = this.$chart;
                chart.data.labels = $0.map(ms => new Date(ms).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}));
                chart.data.datasets = $1;
                chart.update('none');""",
                        labels,
                        datasets);
    }
}
