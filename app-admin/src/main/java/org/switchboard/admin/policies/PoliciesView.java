package org.switchboard.admin.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.ConsoleErrors;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.Failures;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.platform.NotFound;
import org.switchboard.core.routing.boundary.PolicyResponse;
import org.switchboard.core.routing.boundary.ProviderResponse;
import org.switchboard.core.routing.boundary.Providers;
import org.switchboard.core.routing.boundary.RoutingPolicies;

/**
 * {@code policies/:policyId?}: the model aliases the operator's tenant routes (its own policies and the global
 * ones), one of them opened for editing with its dry run. Another tenant's policy id opens nothing.
 */
@Route(value = "policies/:policyId?", layout = MainLayout.class)
@PageTitle("Routing policies · Switchboard")
public class PoliciesView extends HorizontalLayout implements BeforeEnterObserver {
    private final RoutingPolicies policies;
    private final Providers providers;
    private final Grid<PolicyResponse> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private final EmptyState empty;

    @Inject
    public PoliciesView(RoutingPolicies policies, Providers providers) {
        this.policies = policies;
        this.providers = providers;
        Button create = new Button("New policy", VaadinIcon.PLUS.create(), click -> open(null));
        create.setId("new-policy");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button firstOne = new Button("Add a policy", click -> open(null));
        firstOne.setId("add-first-policy");
        empty = new EmptyState(
                "policies-empty",
                "No routing policies yet",
                "A policy maps the model alias clients ask for to one or more targets (provider + upstream model),"
                        + " with a strategy, retries and a circuit breaker. Add a provider first, then a policy"
                        + " naming it.",
                firstOne);
        grid.setId("policies-grid");
        grid.addColumn(PolicyResponse::alias).setHeader("Alias").setAutoWidth(true);
        grid.addColumn(PolicyResponse::scope).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(PolicyResponse::strategy).setHeader("Strategy").setAutoWidth(true);
        grid.addColumn(p -> p.targets().stream()
                        .map(t -> t.provider() + "/" + t.model() + (t.weight() == null ? "" : " ×" + t.weight()))
                        .collect(Collectors.joining(", ")))
                .setHeader("Targets");
        grid.addColumn(p -> p.enabled() ? "yes" : "no").setHeader("Enabled").setAutoWidth(true);
        grid.addColumn(p -> Times.format(p.updatedAt())).setHeader("Changed").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.isFromClient() && selected.getValue() != null) {
                getUI().ifPresent(ui ->
                        ui.navigate("policies/" + selected.getValue().id()));
            }
        });
        VerticalLayout list = new VerticalLayout(new HorizontalLayout(new H2("Routing policies"), create), empty, grid);
        list.setWidth("45%");
        detail.setWidth("55%");
        detail.setId("policy-detail");
        add(list, detail);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<PolicyResponse> all = policies.list(SignedIn.caller());
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        detail.removeAll();
        event.getRouteParameters().get("policyId").ifPresent(this::openStored);
    }

    private void openStored(String id) {
        try {
            open(policies.get(SignedIn.caller(), id));
        } catch (NotFound notFound) {
            detail.add(new EmptyState(
                    "policy-not-found",
                    "No such policy",
                    "There is no policy " + id + " in tenant " + SignedIn.tenant() + ". Pick one from the list."));
        }
    }

    private void open(PolicyResponse policy) {
        detail.removeAll();
        boolean existing = policy != null;
        List<String> providerNames = providers.list(SignedIn.caller()).stream()
                .map(ProviderResponse::name)
                .distinct()
                .toList();
        PolicyForm form = new PolicyForm(
                existing ? PolicyDraft.of(policy) : new PolicyDraft(), providerNames, existing, SignedIn.platform());
        form.setEnabled(!existing || "tenant".equals(policy.scope()) || SignedIn.platform());
        form.addListener(PolicyForm.SaveEvent.class, save -> save(form, save, policy));
        form.addListener(PolicyForm.DeleteEvent.class, delete -> {
            policies.delete(SignedIn.caller(), policy.id());
            Notification.show("Deleted policy " + policy.alias());
            getUI().ifPresent(ui -> ui.navigate("policies"));
        });
        form.addListener(PolicyForm.CloseEvent.class, close -> getUI().ifPresent(ui -> ui.navigate("policies")));
        if (existing) {
            detail.add(new DryRunPanel(policies, policy.id()));
        }
        detail.add(form);
    }

    private void save(PolicyForm form, PolicyForm.SaveEvent save, PolicyResponse current) {
        try {
            PolicyResponse saved = save.existing()
                    ? policies.update(
                            SignedIn.caller(), current.id(), save.draft().request())
                    : policies.create(SignedIn.caller(), save.draft().request());
            Notification.show("Saved policy " + saved.alias());
            getUI().ifPresent(ui -> ui.navigate("policies/" + saved.id()));
        } catch (RuntimeException refused) {
            var violations = Failures.violations(refused);
            if (violations.isEmpty()) {
                throw refused;
            }
            String rest = form.showViolations(violations.get());
            if (!rest.isEmpty()) {
                ConsoleErrors.show("Not saved: " + rest);
            }
        }
    }
}
