package org.switchboard.admin.runs;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import org.switchboard.core.runs.entity.RunTimeline;
import org.switchboard.core.runs.entity.RunTimings;
import org.switchboard.core.runs.entity.RunView;

/** The head of a run's page: who, which model, status, what served it and the route's attempts, usage, timings. */
class RunSummary extends VerticalLayout {
    RunSummary(RunTimeline timeline, ZoneId zone) {
        RunView run = timeline.run();
        RunTimings timings = timeline.timings();
        setPadding(false);
        setSpacing(false);
        H2 title = new H2("Run " + run.id());
        title.setId("run-title");
        Span status = new Span(run.status().wireName());
        status.setId("run-status");
        status.getElement().getThemeList().add(run.status().isTerminal() ? "badge" : "badge success");
        add(title, status);
        line("Tenant / owner", run.tenantId() + " / " + run.ownerId());
        line("Model asked", run.model());
        line("Served by", run.servedBy() == null ? "no target answered" : run.servedBy());
        if (run.routeAttempts().isEmpty()) {
            line(
                    "Route attempts",
                    run.attempts() + " upstream call(s)"
                            + (run.status().isTerminal() ? "" : "; each attempt is listed once the run has ended"));
        } else {
            line("Route attempts", run.attempts() + " upstream call(s), retries and fallbacks included:");
            add(new AttemptsGrid(run.routeAttempts()));
        }
        if (run.statusReason() != null) {
            line("Reason", run.statusReason());
        }
        line("Created", EventTimes.at(run.createdAt()) + " (" + zone + ")");
        line("Ended", run.endedAt() == null ? "still live" : EventTimes.at(run.endedAt()));
        if (run.usage() != null) {
            line(
                    "Usage",
                    run.usage().inputTokens() + " in / " + run.usage().outputTokens() + " out"
                            + (run.usage().estimated() ? " (estimated)" : "")
                            + (run.usage().cost() == null
                                    ? ""
                                    : ", cost " + run.usage().cost().toPlainString()));
        }
        Paragraph timing = new Paragraph("First token " + EventTimes.millis(timings.firstToken())
                + " · longest gap " + EventTimes.millis(timings.longestGap())
                + " · mean gap " + EventTimes.millis(timings.meanGap())
                + " · " + timings.deltas() + " deltas · total " + EventTimes.millis(timings.total()));
        timing.setId("run-timings");
        add(
                timing,
                new Paragraph("Times are when each event became durable; events written in one batch share"
                        + " a moment, so very short gaps read as 0 ms."));
    }

    private void line(String label, String value) {
        Span text = new Span(label + ": " + value);
        add(text);
    }
}
