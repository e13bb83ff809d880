package org.switchboard.admin.audit;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.core.audit.entity.AuditFilter;

/** The audit log's filters: time, tenant (platform admins only), user and action. Fires a {@link FilterEvent}. */
public class AuditFilterForm extends FormLayout {
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final ComboBox<String> tenant = new ComboBox<>("Tenant");
    private final TextField user = new TextField("User");
    private final TextField action = new TextField("Action");

    public AuditFilterForm(List<String> tenants, boolean everyTenant) {
        tenant.setId("audit-tenant");
        tenant.setItems(tenants);
        tenant.setClearButtonVisible(true);
        tenant.setVisible(everyTenant);
        user.setId("audit-user");
        user.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setPlaceholder("POST /v1/chat, /api/v1/admin…");
        action.setClearButtonVisible(true);
        Button apply = new Button("Apply", click -> fireEvent(new FilterEvent(this)));
        apply.setId("audit-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(Key.ENTER);
        add(from, to, tenant, user, action, apply);
        setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("900px", 3));
    }

    public AuditFilter filter(int limit) {
        return new AuditFilter(
                at(from.getValue()), at(to.getValue()), tenant.getValue(), user.getValue(), action.getValue(), limit);
    }

    private static Instant at(LocalDateTime local) {
        return local == null ? null : local.atZone(SignedIn.zone()).toInstant();
    }

    public Registration addFilterListener(ComponentEventListener<FilterEvent> listener) {
        return addListener(FilterEvent.class, listener);
    }

    /** The operator asked for the audit rows these filters select. */
    public static class FilterEvent extends ComponentEvent<AuditFilterForm> {
        FilterEvent(AuditFilterForm source) {
            super(source, false);
        }
    }
}
