package org.switchboard.admin.deliveries;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.runs.boundary.RunUsage;
import org.switchboard.core.webhooks.boundary.WebhookDeliveries;
import org.switchboard.core.webhooks.entity.WebhookAttempt;
import org.switchboard.core.webhooks.entity.WebhookDelivery;

/**
 * Webhook deliveries, newest first, with their status; a selected one shows every attempt with the receiver's
 * answer and time, and can be retried now. A tenant admin sees their tenant's deliveries (the boundary's scope).
 */
@Route(value = "deliveries", layout = MainLayout.class)
@PageTitle("Webhook deliveries · Switchboard")
public class DeliveriesView extends VerticalLayout {
    static final int LIMIT = 200;

    private final WebhookDeliveries deliveries;
    private final ComboBox<String> tenant = new ComboBox<>("Tenant");
    private final Select<String> status = new Select<>();
    private final Grid<WebhookDelivery> grid = new Grid<>();
    private final Grid<WebhookAttempt> attempts = new Grid<>();
    private final Button retry = new Button("Retry now");
    private final EmptyState empty = new EmptyState(
            "deliveries-empty",
            "No webhook deliveries",
            "A run submitted with a callback_url (POST /api/v1/runs) is delivered there when it ends, signed with the"
                    + " tenant's webhook secret; the delivery and each attempt show up here.");

    @Inject
    public DeliveriesView(WebhookDeliveries deliveries, RunUsage usage) {
        this.deliveries = deliveries;
        boolean everyTenant = SignedIn.platform();
        tenant.setItems(everyTenant ? usage.tenants(SignedIn.caller()) : List.of());
        tenant.setVisible(everyTenant);
        tenant.setClearButtonVisible(true);
        tenant.addValueChangeListener(change -> refresh());
        status.setLabel("Status");
        status.setItems("PENDING", "DELIVERED", "FAILED");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any");
        status.addValueChangeListener(change -> refresh());
        grid.setId("deliveries-grid");
        grid.addColumn(delivery -> Long.toString(delivery.runId()))
                .setHeader("Run")
                .setAutoWidth(true);
        grid.addColumn(WebhookDelivery::tenantId).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(WebhookDelivery::url).setHeader("URL").setWidth("16em").setFlexGrow(1);
        grid.addColumn(WebhookDelivery::status)
                .setHeader("Status")
                .setWidth("8em")
                .setFlexGrow(0);
        grid.addColumn(WebhookDelivery::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(delivery -> Times.format(delivery.createdAt()))
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(delivery -> Times.format(delivery.nextAttemptAt())).setHeader("Next attempt");
        grid.asSingleSelect().addValueChangeListener(change -> select(change.getValue()));
        attempts.setId("attempts-grid");
        attempts.addColumn(WebhookAttempt::attempt)
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(attempt -> Times.format(attempt.attemptedAt()))
                .setHeader("At")
                .setAutoWidth(true);
        attempts.addColumn(attempt -> attempt.statusCode() == null ? "no answer" : "HTTP " + attempt.statusCode())
                .setHeader("Answer")
                .setAutoWidth(true);
        attempts.addColumn(attempt -> attempt.durationMillis() + " ms")
                .setHeader("Took")
                .setAutoWidth(true);
        attempts.addColumn(WebhookAttempt::error).setHeader("Error").setFlexGrow(1);
        attempts.setAllRowsVisible(true);
        retry.setId("retry-delivery");
        retry.setEnabled(false);
        retry.addClickListener(click -> retry());
        Button refresh = new Button("Refresh", click -> refresh());
        refresh.setId("refresh-deliveries");
        HorizontalLayout bar = new HorizontalLayout(tenant, status, refresh, retry);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(bar, empty, grid, new H3("Attempts of the selected delivery"), attempts);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        List<WebhookDelivery> found = deliveries.recent(SignedIn.caller(), tenant.getValue(), status.getValue(), LIMIT);
        grid.setItems(found);
        empty.setVisible(found.isEmpty());
        select(null);
    }

    private void select(WebhookDelivery delivery) {
        retry.setEnabled(delivery != null && !"DELIVERED".equals(delivery.status()));
        attempts.setItems(delivery == null ? List.of() : deliveries.attempts(SignedIn.caller(), delivery.id()));
    }

    private void retry() {
        WebhookDelivery selected = grid.asSingleSelect().getValue();
        if (selected != null) {
            deliveries.retryNow(SignedIn.caller(), selected.id());
            Notification.show("Delivery " + selected.messageId() + " is due now; the next attempt follows within"
                    + " a few seconds. Refresh to see it.");
            refresh();
        }
    }
}
