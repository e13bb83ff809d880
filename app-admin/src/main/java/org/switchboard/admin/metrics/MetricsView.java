package org.switchboard.admin.metrics;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.core.metrics.boundary.MetricsHistory;
import org.switchboard.core.metrics.entity.MetricsDashboard;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The last hour of this instance's metrics, minute by minute, redrawn every few seconds by server push: requests and
 * errors by class, time to first token p50/p95/p99, tokens and cost by tenant and model, live streams, and the
 * disconnect and resume rate. A tenant admin's token and cost charts show only their tenant (the boundary decides).
 */
@Route(value = "metrics", layout = MainLayout.class)
@PageTitle("Metrics · Switchboard")
public class MetricsView extends VerticalLayout {
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final MetricsHistory history;
    private final DashboardClock clock;
    private final DashboardCharts charts = new DashboardCharts();
    private final Paragraph empty = new Paragraph(
            "No run has ended on this instance in the last hour. Send a chat request (POST /v1/chat/completions)"
                    + " and it shows here within seconds.");
    private ScheduledFuture<?> ticks;

    @Inject
    public MetricsView(MetricsHistory history, DashboardClock clock) {
        this.history = history;
        this.clock = clock;
        empty.setId("metrics-empty");
        Paragraph about = new Paragraph(
                "The last hour on this instance, one point per minute (the last one is the minute in progress);"
                        + " refreshes every " + REFRESH.toSeconds() + " s.");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        Div grid = charts.grid();
        add(new H2("Metrics"), about, empty, grid);
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        Caller caller = SignedIn.caller(); // a platform admin sees every tenant, a tenant admin its own
        refresh(caller);
        ticks = clock.every(REFRESH, () -> ui.access(() -> refresh(caller)));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    private void refresh(Caller caller) {
        MetricsDashboard hour = history.lastHour(caller);
        empty.setVisible(hour.minutes().stream().allMatch(m -> m.requests() == 0));
        charts.show(hour);
    }
}
