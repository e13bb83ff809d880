package org.switchboard.admin.runs;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.switchboard.core.runs.entity.RouteAttempt;

/**
 * Each attempt of a run's route, in order: the target called (or passed over), its outcome ({@code served} or the
 * problem type), the upstream's HTTP status, and when it started and how long it took, from the run's start.
 */
class AttemptsGrid extends Grid<RouteAttempt> {
    AttemptsGrid(List<RouteAttempt> attempts) {
        setId("attempts-grid");
        addColumn(RouteAttempt::target).setHeader("Target").setAutoWidth(true);
        addColumn(RouteAttempt::outcome).setHeader("Outcome").setAutoWidth(true);
        addColumn(a -> a.status() == null ? "–" : a.status().toString())
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(a -> String.format("+%,d ms", a.startedMillis()))
                .setHeader("Started")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(a -> String.format("%,d ms", a.tookMillis()))
                .setHeader("Took")
                .setAutoWidth(true)
                .setFlexGrow(0);
        setItems(attempts);
        setAllRowsVisible(true);
        setWidth("min(100%, 60rem)");
    }
}
