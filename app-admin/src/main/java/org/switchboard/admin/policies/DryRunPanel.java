package org.switchboard.admin.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.core.platform.NotFound;
import org.switchboard.core.routing.boundary.RoutingPolicies;
import org.switchboard.core.routing.entity.DryRun;

/**
 * "Dry run": which target would serve a request for this policy's alias now, on this instance, and why, with every
 * target's breaker, 429 rest, weight share, latency average and price. Nothing is called.
 */
class DryRunPanel extends VerticalLayout {
    private final Paragraph verdict = new Paragraph();
    private final Grid<DryRun.Candidate> grid = new Grid<>();

    DryRunPanel(RoutingPolicies policies, String policyId) {
        setPadding(false);
        verdict.setId("dry-run-verdict");
        grid.setId("dry-run-grid");
        grid.addColumn(DryRun.Candidate::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(DryRun.Candidate::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(DryRun.Candidate::why).setHeader("Why");
        grid.addColumn(DryRun.Candidate::priority).setHeader("Priority").setAutoWidth(true);
        grid.addColumn(c -> c.weight()
                        + (c.chancePercent() == null ? "" : String.format(Locale.ROOT, " (%.0f%%)", c.chancePercent())))
                .setHeader("Weight")
                .setAutoWidth(true);
        grid.addColumn(c -> c.ttftMillis() == null ? "-" : String.format(Locale.ROOT, "%.0f ms", c.ttftMillis()))
                .setHeader("First token (avg)")
                .setAutoWidth(true);
        grid.addColumn(DryRun.Candidate::pricePer1k).setHeader("$/1k").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setVisible(false);
        Button run = new Button("Dry run: who would serve now?", VaadinIcon.SEARCH.create(), click -> {
            try {
                DryRun dryRun = policies.dryRun(SignedIn.caller(), policyId);
                verdict.setText((dryRun.servedBy() == null
                                ? "Nothing would serve it. "
                                : "Would be served by " + dryRun.servedBy() + ". ")
                        + dryRun.reason());
                grid.setItems(dryRun.targets());
                grid.setVisible(true);
            } catch (NotFound notServing) {
                verdict.setText(notServing.getMessage());
                grid.setVisible(false);
            }
        });
        run.setId("dry-run");
        add(run, verdict, grid);
    }
}
