package org.switchboard.admin.operators;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.ConsoleErrors;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.Failures;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.accounts.boundary.OperatorResponse;
import org.switchboard.core.accounts.boundary.Operators;
import org.switchboard.core.accounts.boundary.PasswordRequest;
import org.switchboard.core.platform.Forbidden;

/**
 * {@code operators}: who may sign in to the console. Platform admins create operators (for the platform or one
 * tenant), disable or enable them and reset their passwords; {@link Operators} refuses anyone else, which this
 * view shows rather than the list.
 */
@Route(value = "operators", layout = MainLayout.class)
@PageTitle("Operators · Switchboard")
public class OperatorsView extends VerticalLayout implements BeforeEnterObserver {
    private final Operators operators;
    private final Grid<OperatorResponse> grid = new Grid<>();

    @Inject
    public OperatorsView(Operators operators) {
        this.operators = operators;
        grid.setId("operators-grid");
        grid.addColumn(OperatorResponse::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(o -> o.tenant() == null ? "every tenant" : o.tenant())
                .setHeader("Tenant")
                .setAutoWidth(true);
        grid.addColumn(OperatorResponse::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(o -> o.disabled() ? "disabled" : "active")
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(o -> Times.format(o.updatedAt())).setHeader("Changed").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            grid.setItems(operators.list(SignedIn.caller()));
        } catch (Forbidden forbidden) {
            add(new EmptyState(
                    "operators-forbidden",
                    "Operators are managed by platform admins",
                    "Ask a platform admin to create, disable or reset an operator account."));
            return;
        }
        Button create = new Button("New operator", VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("new-operator");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2("Operators"), create), grid);
    }

    private HorizontalLayout actions(OperatorResponse operator) {
        Button toggle = new Button(operator.disabled() ? "Enable" : "Disable", click -> {
            operators.setDisabled(SignedIn.caller(), operator.id(), !operator.disabled());
            Notification.show((operator.disabled() ? "Enabled " : "Disabled ") + operator.username());
            refresh();
        });
        toggle.setId((operator.disabled() ? "enable-" : "disable-") + operator.username());
        Button reset = new Button("Reset password", click -> openReset(operator));
        reset.setId("reset-" + operator.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(toggle, reset);
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New operator");
        OperatorForm form = new OperatorForm();
        form.addSaveListener(save -> {
            try {
                operators.create(SignedIn.caller(), save.draft().request());
                Notification.show("Created operator " + save.draft().getUsername());
                dialog.close();
                refresh();
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
        });
        dialog.add(form);
        dialog.open();
    }

    private void openReset(OperatorResponse operator) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + operator.username());
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setHelperText("At least 12 characters");
        Button save = new Button("Set password", click -> {
            try {
                operators.resetPassword(SignedIn.caller(), operator.id(), new PasswordRequest(password.getValue()));
                Notification.show("Password of " + operator.username() + " reset");
                dialog.close();
            } catch (RuntimeException refused) {
                var violations = Failures.violations(refused);
                if (violations.isEmpty()) {
                    throw refused;
                }
                password.setErrorMessage(violations.get().iterator().next().getMessage());
                password.setInvalid(true);
            }
        });
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(operators.list(SignedIn.caller()));
    }
}
