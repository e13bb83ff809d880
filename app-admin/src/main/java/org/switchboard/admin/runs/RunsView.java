package org.switchboard.admin.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.inject.Inject;
import java.time.Instant;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.RunView;

/** The newest runs across tenants. */
@Route(value = "runs", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Runs · Switchboard")
public class RunsView extends VerticalLayout {
    static final int LIMIT = 200;

    private final Runs runs;
    private final Grid<RunView> grid = new Grid<>();

    @Inject
    public RunsView(Runs runs) {
        this.runs = runs;
        grid.setId("runs-grid");
        grid.addColumn(run -> Long.toString(run.id())).setHeader("Run").setAutoWidth(true);
        grid.addColumn(RunView::tenantId).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(RunView::ownerId).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(RunView::model).setHeader("Model").setAutoWidth(true);
        grid.addColumn(run -> run.status().wireName()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(run -> text(run.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(run -> text(run.endedAt())).setHeader("Ended").setAutoWidth(true);
        grid.addColumn(run ->
                        run.usage() == null ? "" : Integer.toString(run.usage().outputTokens()))
                .setHeader("Output tokens");
        Button refresh = new Button("Refresh", click -> refresh());
        refresh.setId("refresh");
        add(refresh, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        grid.setItems(runs.recent(LIMIT));
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
