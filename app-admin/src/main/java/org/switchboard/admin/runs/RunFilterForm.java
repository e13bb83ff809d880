package org.switchboard.admin.runs;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.core.runs.entity.RunFilter;
import org.switchboard.core.runs.entity.RunStatus;

/**
 * The filters of the runs list: tenant (platform admins only), status, model, time and error class. Fires a
 * {@link FilterEvent} with the {@link RunFilter} they make; the view runs the search.
 */
public class RunFilterForm extends FormLayout {
    private final ComboBox<String> tenant = new ComboBox<>("Tenant");
    private final Select<RunStatus> status = new Select<>();
    private final TextField model = new TextField("Model");
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final TextField errorClass = new TextField("Error class");

    public RunFilterForm(List<String> tenants, boolean everyTenant) {
        tenant.setId("filter-tenant");
        tenant.setItems(tenants);
        tenant.setClearButtonVisible(true);
        tenant.setVisible(everyTenant);
        status.setId("filter-status");
        status.setLabel("Status");
        status.setItems(RunStatus.values());
        status.setItemLabelGenerator(value -> value == null ? "Any" : value.wireName());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any");
        model.setId("filter-model");
        model.setClearButtonVisible(true);
        errorClass.setId("filter-error-class");
        errorClass.setPlaceholder("deadline-exceeded, provider-error, cancelled…");
        errorClass.setClearButtonVisible(true);
        Button apply = new Button("Apply", click -> fire());
        apply.setId("apply-filter");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(Key.ENTER);
        Button clear = new Button("Clear", click -> clear());
        clear.setId("clear-filter");
        add(tenant, status, model, errorClass, from, to, apply, clear);
        setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("900px", 4));
    }

    public RunFilter filter(int limit) {
        return new RunFilter(
                tenant.getValue(),
                status.getValue(),
                model.getValue(),
                at(from.getValue()),
                at(to.getValue()),
                errorClass.getValue(),
                limit);
    }

    private void clear() {
        tenant.clear();
        status.clear();
        model.clear();
        from.clear();
        to.clear();
        errorClass.clear();
        fire();
    }

    private void fire() {
        fireEvent(new FilterEvent(this));
    }

    private static Instant at(LocalDateTime local) {
        return local == null ? null : local.atZone(SignedIn.zone()).toInstant();
    }

    public Registration addFilterListener(ComponentEventListener<FilterEvent> listener) {
        return addListener(FilterEvent.class, listener);
    }

    /** The operator asked for the runs these filters select. */
    public static class FilterEvent extends ComponentEvent<RunFilterForm> {
        FilterEvent(RunFilterForm source) {
            super(source, false);
        }
    }
}
