package org.switchboard.admin.tenants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.core.runs.boundary.RunUsage;
import org.switchboard.core.runs.entity.UsageRow;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.webhooks.boundary.Webhooks;

/**
 * Tenants with their usage so far (requests, tokens, cost), and for the selected tenant its users' usage per
 * model and its webhook secret, which is shown only once, when it is rotated. A platform admin sees every
 * tenant that has runs; a tenant admin theirs (the boundaries' tenant scope).
 */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants · Switchboard")
public class TenantsView extends VerticalLayout {
    private final RunUsage usage;
    private final Webhooks webhooks;
    private final Grid<TenantUsage> tenants = new Grid<>();
    private final Grid<UsageRow> users = new Grid<>();
    private final H3 selected = new H3();
    private final Paragraph secret = new Paragraph();
    private final Button rotate = new Button("Rotate webhook secret");
    private final EmptyState empty = new EmptyState(
            "tenants-empty",
            "No tenant has made a request yet",
            "A tenant appears here with its first call (the tenant claim of its token); its usage, users and webhook"
                    + " secret follow.");

    @Inject
    public TenantsView(RunUsage usage, Webhooks webhooks) {
        this.usage = usage;
        this.webhooks = webhooks;
        tenants.setId("tenants-grid");
        tenants.addColumn(TenantUsage::tenant).setHeader("Tenant").setAutoWidth(true);
        tenants.addColumn(TenantUsage::users).setHeader("Users").setAutoWidth(true);
        tenants.addColumn(TenantUsage::requests).setHeader("Requests").setAutoWidth(true);
        tenants.addColumn(TenantUsage::inputTokens).setHeader("Input tokens").setAutoWidth(true);
        tenants.addColumn(TenantUsage::outputTokens).setHeader("Output tokens").setAutoWidth(true);
        tenants.addColumn(row -> cost(row.cost())).setHeader("Cost").setAutoWidth(true);
        tenants.setAllRowsVisible(true);
        tenants.asSingleSelect()
                .addValueChangeListener(change -> select(
                        change.getValue() == null ? null : change.getValue().tenant()));
        users.setId("users-grid");
        users.addColumn(UsageRow::user).setHeader("User").setAutoWidth(true);
        users.addColumn(UsageRow::model).setHeader("Model").setAutoWidth(true);
        users.addColumn(UsageRow::requests).setHeader("Requests").setAutoWidth(true);
        users.addColumn(UsageRow::inputTokens).setHeader("Input tokens").setAutoWidth(true);
        users.addColumn(UsageRow::outputTokens).setHeader("Output tokens").setAutoWidth(true);
        users.addColumn(row -> cost(row.cost())).setHeader("Cost").setAutoWidth(true);
        users.setAllRowsVisible(true);
        rotate.setId("rotate-secret");
        rotate.addClickListener(click -> rotate());
        secret.setId("secret-state");
        Paragraph roles = new Paragraph("Users and their roles come from the tenant's tokens (the tenant and groups"
                + " claims); Switchboard keeps no user directory, so users appear here once they have made a request.");
        add(empty, tenants, selected, new HorizontalLayout(secret, rotate), roles, users);
        setSizeFull();
        List<TenantUsage> all = TenantUsage.of(usage.byUser(SignedIn.caller(), null));
        tenants.setItems(all);
        empty.setVisible(all.isEmpty());
        select(SignedIn.tenant()); // a tenant admin's own; the one a platform admin acts for, until they pick a row
    }

    private void select(String tenant) {
        selected.setText(tenant == null ? "Select a tenant to see its users and webhook secret" : "Tenant " + tenant);
        rotate.setVisible(tenant != null);
        secret.setVisible(tenant != null);
        if (tenant == null) {
            users.setItems(List.of());
            return;
        }
        Caller caller = SignedIn.operator().orElseThrow().actingFor(tenant);
        users.setItems(usage.byUser(caller, caller.tenant()));
        secret.setText(
                webhooks.hasSecret(caller)
                        ? "Webhook secret: set (shown only when rotated)"
                        : "Webhook secret: none yet (created by the first webhook or by rotating)");
    }

    private void rotate() {
        TenantUsage row = tenants.asSingleSelect().getValue();
        // The selected tenant's secret (a platform admin acts as it), else the tenant the header says one acts for.
        Caller caller = row == null
                ? SignedIn.caller()
                : SignedIn.operator().orElseThrow().actingFor(row.tenant());
        new SecretDialog(webhooks.rotateSecret(caller), caller.tenant()).open();
        select(caller.tenant());
    }

    private static String cost(BigDecimal cost) {
        return cost == null ? "–" : cost.stripTrailingZeros().toPlainString();
    }
}
