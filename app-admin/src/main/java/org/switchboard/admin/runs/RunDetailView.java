package org.switchboard.admin.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.core.runs.boundary.RunNotFound;
import org.switchboard.core.runs.boundary.RunSearch;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.RunTimeline;
import org.switchboard.core.runs.entity.TimedEvent;

/**
 * One run: what it is and what served it, its timings, and every event of its log with the moment it became
 * durable. A live run can be cancelled. A run the operator may not see (another tenant's, typed in the URL)
 * reads exactly like one that does not exist.
 */
@Route(value = "runs/:id", layout = MainLayout.class)
@PageTitle("Run · Switchboard")
public class RunDetailView extends VerticalLayout implements BeforeEnterObserver {
    private final RunSearch search;
    private final Runs runs;
    private String id;

    @Inject
    public RunDetailView(RunSearch search, Runs runs) {
        this.search = search;
        this.runs = runs;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        show();
    }

    private void show() {
        removeAll();
        RouterLink back = new RouterLink("← All runs", RunsView.class);
        try {
            RunTimeline timeline = search.timeline(SignedIn.caller(), id);
            add(back, new RunSummary(timeline, SignedIn.zone()));
            if (!timeline.run().status().isTerminal()) {
                Button cancel = new Button("Cancel run", click -> cancel(timeline));
                cancel.setId("cancel-run");
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                add(cancel);
            }
            add(new H3("Events"), events(timeline));
        } catch (RunNotFound notFound) {
            Paragraph missing = new Paragraph("No run with id '" + id + "'. It may belong to another tenant, or the"
                    + " id is mistyped; find the run in the list of runs.");
            missing.setId("run-not-found");
            add(back, missing);
        }
    }

    private void cancel(RunTimeline timeline) {
        // Cancelling acts as the run's tenant: a platform admin may; a tenant admin acts for theirs regardless.
        runs.cancel(SignedIn.operator().orElseThrow().actingFor(timeline.run().tenantId()), id);
        show();
    }

    private static Grid<TimedEvent> events(RunTimeline timeline) {
        Instant created = timeline.run().createdAt();
        List<TimedEvent> events = timeline.events();
        Grid<TimedEvent> grid = new Grid<>();
        grid.setId("events-grid");
        grid.addColumn(TimedEvent::seq).setHeader("Seq").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(event -> event.type().wireName())
                .setHeader("Type")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(event -> EventTimes.at(event.at()))
                .setHeader("At")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(event -> EventTimes.millis(Duration.between(created, event.at())))
                .setHeader("Since created")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(event -> {
                    int index = events.indexOf(event);
                    return index == 0
                            ? "–"
                            : EventTimes.millis(
                                    Duration.between(events.get(index - 1).at(), event.at()));
                })
                .setHeader("Gap")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(TimedEvent::data).setHeader("Data").setFlexGrow(1);
        grid.setItems(events);
        // A short run's whole log on the page (the terminal event included); a long one scrolls inside the grid.
        grid.setAllRowsVisible(events.size() <= 200);
        return grid;
    }
}
