package org.switchboard.admin.providers;

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
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.ConsoleErrors;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.Failures;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.platform.NotFound;
import org.switchboard.core.routing.boundary.ProviderKeys;
import org.switchboard.core.routing.boundary.ProviderResponse;
import org.switchboard.core.routing.boundary.Providers;

/**
 * {@code providers/:providerId?}: the providers the operator's tenant sees (its own and the global ones), and one
 * of them opened for editing with its keys and a connection test. Another tenant's provider id opens nothing:
 * {@link Providers} answers it as not found, as it does over REST.
 */
@Route(value = "providers/:providerId?", layout = MainLayout.class)
@PageTitle("Providers and keys · Switchboard")
public class ProvidersView extends HorizontalLayout implements BeforeEnterObserver {
    private final Providers providers;
    private final ProviderKeys keys;
    private final Grid<ProviderResponse> grid = new Grid<>();
    private final VerticalLayout list = new VerticalLayout();
    private final VerticalLayout detail = new VerticalLayout();
    private final EmptyState empty;

    @Inject
    public ProvidersView(Providers providers, ProviderKeys keys) {
        this.providers = providers;
        this.keys = keys;
        Button create = new Button("New provider", VaadinIcon.PLUS.create(), click -> open(null));
        create.setId("new-provider");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button firstOne = new Button("Add a provider", click -> open(null));
        firstOne.setId("add-first-provider");
        empty = new EmptyState(
                "providers-empty",
                "No providers yet",
                "A provider is an upstream LLM API that routing policies send requests to: OpenAI-compatible, Anthropic,"
                        + " Dify, a mapped HTTP API, or the built-in simulator. Add one, give it a key, test the"
                        + " connection, then name it in a routing policy.",
                firstOne);
        grid.setId("providers-grid");
        grid.addColumn(ProviderResponse::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ProviderResponse::kind).setHeader("Dialect").setAutoWidth(true);
        grid.addColumn(ProviderResponse::scope).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(p -> p.baseUrl() == null ? "" : p.baseUrl()).setHeader("Base URL");
        grid.addColumn(p -> p.keys().stream()
                                .filter(k -> "active".equals(k.status()))
                                .count() + " of " + p.keys().size())
                .setHeader("Active keys")
                .setAutoWidth(true);
        grid.addColumn(p -> p.enabled() ? "yes" : "no").setHeader("Enabled").setAutoWidth(true);
        grid.addColumn(p -> Times.format(p.updatedAt())).setHeader("Changed").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.isFromClient() && selected.getValue() != null) {
                getUI().ifPresent(ui ->
                        ui.navigate("providers/" + selected.getValue().id()));
            }
        });
        list.add(new HorizontalLayout(new H2("Providers and keys"), create), empty, grid);
        list.setWidth("55%");
        detail.setWidth("45%");
        detail.setId("provider-detail");
        add(list, detail);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
        detail.removeAll();
        event.getRouteParameters().get("providerId").ifPresent(this::openStored);
    }

    private void refresh() {
        List<ProviderResponse> all = providers.list(SignedIn.caller());
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }

    private void openStored(String id) {
        try {
            open(providers.get(SignedIn.caller(), id));
        } catch (NotFound notFound) {
            var missing = new EmptyState(
                    "provider-not-found",
                    "No such provider",
                    "There is no provider " + id + " in tenant " + SignedIn.tenant()
                            + ". Pick one from the list, or add one.");
            detail.add(missing);
        }
    }

    private void open(ProviderResponse provider) {
        detail.removeAll();
        boolean existing = provider != null;
        boolean writable = !existing || "tenant".equals(provider.scope()) || SignedIn.platform();
        ProviderForm form = new ProviderForm(
                existing ? ProviderDraft.of(provider) : new ProviderDraft(),
                providers.kinds(SignedIn.caller()),
                existing,
                SignedIn.platform());
        form.setEnabled(writable);
        form.addListener(ProviderForm.SaveEvent.class, save -> save(form, save, provider));
        form.addListener(ProviderForm.DeleteEvent.class, delete -> delete(provider));
        form.addListener(ProviderForm.CloseEvent.class, close -> getUI().ifPresent(ui -> ui.navigate("providers")));
        detail.add(form);
        if (existing) {
            detail.add(new ConnectionTestPanel(providers, provider.id()));
            if (writable) {
                detail.add(new KeysPanel(keys, provider.id()));
            }
        }
    }

    private void save(ProviderForm form, ProviderForm.SaveEvent save, ProviderResponse current) {
        try {
            ProviderResponse saved = save.existing()
                    ? providers.update(
                            SignedIn.caller(), current.id(), save.draft().request())
                    : providers.create(SignedIn.caller(), save.draft().request());
            Notification.show("Saved provider " + saved.name());
            getUI().ifPresent(ui -> ui.navigate("providers/" + saved.id()));
        } catch (RuntimeException refused) {
            var violations = Failures.violations(refused);
            if (violations.isEmpty()) {
                throw refused; // a named condition (name taken, forbidden): the error handler shows it
            }
            String rest = form.showViolations(violations.get());
            if (!rest.isEmpty()) {
                ConsoleErrors.show("Not saved: " + rest);
            }
        }
    }

    private void delete(ProviderResponse provider) {
        providers.delete(SignedIn.caller(), provider.id());
        Notification.show("Deleted provider " + provider.name());
        getUI().ifPresent(ui -> ui.navigate("providers"));
    }
}
