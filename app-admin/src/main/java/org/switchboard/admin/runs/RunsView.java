package org.switchboard.admin.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.runs.boundary.RunSearch;
import org.switchboard.core.runs.boundary.RunUsage;
import org.switchboard.core.runs.entity.RunView;

/**
 * The runs the operator may see, newest first: a tenant admin their tenant's, a platform admin every tenant's
 * with a tenant filter (the boundary's tenant scope decides, not this view). A row opens the run's page.
 */
@Route(value = "runs", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Runs · Switchboard")
public class RunsView extends VerticalLayout {
    static final int LIMIT = 200;

    private final RunSearch runs;
    private final RunFilterForm filters;
    private final Grid<RunView> grid = new Grid<>();
    private final EmptyState empty = new EmptyState(
            "runs-empty",
            "No runs match",
            "Runs appear here once a client calls POST /v1/chat/completions or POST /api/v1/runs with a token of"
                    + " your tenant. If you filtered, widen the filters or clear them.");
    private final Span shown = new Span();

    @Inject
    public RunsView(RunSearch runs, RunUsage usage) {
        this.runs = runs;
        boolean everyTenant = SignedIn.platform();
        filters = new RunFilterForm(everyTenant ? usage.tenants(SignedIn.caller()) : List.of(), everyTenant);
        filters.addFilterListener(event -> refresh());
        grid.setId("runs-grid");
        grid.addColumn(run -> Long.toString(run.id())).setHeader("Run").setAutoWidth(true);
        grid.addColumn(RunView::tenantId).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(RunView::ownerId).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(RunView::model).setHeader("Model").setAutoWidth(true);
        grid.addColumn(run -> run.status().wireName()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(run -> Times.format(run.createdAt()))
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(run -> Times.format(run.endedAt())).setHeader("Ended").setAutoWidth(true);
        grid.addColumn(RunView::servedBy).setHeader("Served by").setAutoWidth(true);
        grid.addColumn(run ->
                        run.usage() == null ? "" : Integer.toString(run.usage().outputTokens()))
                .setHeader("Output tokens");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                RunDetailView.class,
                new RouteParameters("id", Long.toString(click.getItem().id())))));
        Button refresh = new Button("Refresh", click -> refresh());
        refresh.setId("refresh");
        shown.setId("runs-shown");
        HorizontalLayout bar = new HorizontalLayout(refresh, shown);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(filters, bar, empty, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        List<RunView> found = runs.search(SignedIn.caller(), filters.filter(LIMIT));
        grid.setItems(found);
        shown.setText(found.size() == LIMIT ? "The newest " + LIMIT + " runs" : found.size() + " runs");
        empty.setVisible(found.isEmpty());
        grid.setVisible(!found.isEmpty());
    }
}
