package org.switchboard.admin.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.audit.boundary.AuditLog;
import org.switchboard.core.audit.entity.AuditEntry;
import org.switchboard.core.audit.entity.AuditFilter;
import org.switchboard.core.runs.boundary.RunUsage;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The audit log, newest first, filtered by time, tenant, user and action, and the same rows as a CSV download.
 * A tenant admin sees their tenant's rows only, a platform admin every row (the boundary's tenant scope).
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Switchboard")
public class AuditView extends VerticalLayout {
    static final int LIMIT = 1000;

    private final AuditLog log;
    private final AuditFilterForm filters;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Anchor export = new Anchor();
    private final EmptyState empty = new EmptyState(
            "audit-empty",
            "No audit rows match",
            "Every API request and every admin change is recorded here. If you filtered, widen the time range or"
                    + " clear the user and action.");
    private final Span shown = new Span();

    @Inject
    public AuditView(AuditLog log, RunUsage usage) {
        this.log = log;
        boolean everyTenant = SignedIn.platform();
        filters = new AuditFilterForm(everyTenant ? usage.tenants(SignedIn.caller()) : List.of(), everyTenant);
        filters.addFilterListener(event -> refresh());
        grid.setId("audit-grid");
        grid.addColumn(row -> Times.format(row.at())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(AuditEntry::tenantId).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(AuditEntry::latencyMillis).setHeader("Latency ms").setAutoWidth(true);
        grid.addColumn(row -> row.runId() == null ? "" : Long.toString(row.runId()))
                .setHeader("Run");
        grid.addColumn(AuditEntry::requestId).setHeader("Request id");
        export.setId("audit-export");
        export.setText("Export CSV");
        export.getElement().setAttribute("download", true);
        shown.setId("audit-shown");
        HorizontalLayout bar = new HorizontalLayout(export, shown);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(filters, bar, empty, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        Caller caller = SignedIn.caller();
        AuditFilter filter = filters.filter(LIMIT);
        List<AuditEntry> rows = log.search(caller, filter);
        grid.setItems(rows);
        // The download reads the rows again with the caller and filter of this moment: what the grid shows.
        StreamResource csv = new StreamResource(
                "audit.csv",
                () -> new ByteArrayInputStream(
                        AuditCsv.of(log.search(caller, filter)).getBytes(StandardCharsets.UTF_8)));
        csv.setContentType("text/csv; charset=UTF-8");
        export.setHref(csv);
        shown.setText((rows.size() == LIMIT ? "The newest " + LIMIT + " rows" : rows.size() + " rows")
                + "; the CSV has their times in UTC");
        empty.setVisible(rows.isEmpty());
        grid.setVisible(!rows.isEmpty());
    }
}
