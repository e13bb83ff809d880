package org.switchboard.admin.providers;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Set;
import org.switchboard.admin.shell.FieldErrors;

/**
 * Creates or edits one provider. It holds no boundary: it checks its fields (Bean Validation through the binder)
 * and fires {@link SaveEvent} with the draft, {@link DeleteEvent} or {@link CloseEvent}; the view saves, and hands
 * a refusal back with {@link #showViolations}.
 */
public class ProviderForm extends FormLayout {
    private final TextField name = new TextField("Name");
    private final Select<String> kind = new Select<>();
    private final TextField baseUrl = new TextField("Base URL");
    private final TextArea settings = new TextArea("Settings (JSON)");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final Checkbox global = new Checkbox("Global: every tenant may route to it");
    private final Button delete = new Button("Delete");
    private final BeanValidationBinder<ProviderDraft> binder = new BeanValidationBinder<>(ProviderDraft.class);
    private final boolean existing;

    public ProviderForm(ProviderDraft draft, List<String> kinds, boolean existing, boolean mayChooseGlobal) {
        this.existing = existing;
        setId("provider-form");
        name.setId("provider-name");
        name.setHelperText("Letters, digits, '.', '_', ':' or '-'; policies name targets by it");
        kind.setId("provider-kind");
        kind.setLabel("Dialect");
        kind.setItems(kinds);
        baseUrl.setId("provider-base-url");
        baseUrl.setHelperText("Up to the API version, e.g. https://api.openai.com/v1; none for the simulator");
        settings.setId("provider-settings");
        settings.setHelperText("Dialect settings, e.g. {\"anthropic_version\": \"2023-06-01\"}; {} for none");
        enabled.setId("provider-enabled");
        global.setId("provider-global");
        global.setVisible(mayChooseGlobal);
        global.setEnabled(!existing); // a provider's scope is fixed once created
        binder.forField(name).asRequired("must not be empty").bind("name");
        binder.forField(kind).asRequired("choose a dialect").bind("kind");
        binder.forField(baseUrl).bind("baseUrl");
        binder.forField(settings)
                .withValidator(ProviderDraft::isJsonObject, "must be a JSON object, such as {}")
                .bind("settings");
        binder.forField(enabled).bind("enabled");
        binder.forField(global).bind("global");
        binder.readBean(draft);
        add(
                new H3(existing ? "Edit provider" : "New provider"),
                name,
                kind,
                baseUrl,
                settings,
                enabled,
                global,
                buttons(draft));
        setColspan(settings, 2);
    }

    private HorizontalLayout buttons(ProviderDraft draft) {
        Button save = new Button("Save", click -> save(draft));
        save.setId("provider-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        delete.setId("provider-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(existing);
        delete.addClickListener(click -> fireEvent(new DeleteEvent(this)));
        Button close = new Button("Close", click -> fireEvent(new CloseEvent(this)));
        close.setId("provider-close");
        return new HorizontalLayout(save, delete, close);
    }

    private void save(ProviderDraft draft) {
        try {
            binder.writeBean(draft);
            fireEvent(new SaveEvent(this, draft, existing));
        } catch (ValidationException invalid) {
            // the binder marks the fields; nothing is saved
        }
    }

    /** A boundary's refusal, on the fields it names; answers what no field took. */
    public String showViolations(Set<ConstraintViolation<?>> violations) {
        return FieldErrors.show(binder, violations, "");
    }

    public abstract static class ProviderFormEvent extends ComponentEvent<ProviderForm> {
        ProviderFormEvent(ProviderForm source) {
            super(source, false);
        }
    }

    public static class SaveEvent extends ProviderFormEvent {
        private final ProviderDraft draft;
        private final boolean existing;

        SaveEvent(ProviderForm source, ProviderDraft draft, boolean existing) {
            super(source);
            this.draft = draft;
            this.existing = existing;
        }

        public ProviderDraft draft() {
            return draft;
        }

        public boolean existing() {
            return existing;
        }
    }

    public static class DeleteEvent extends ProviderFormEvent {
        DeleteEvent(ProviderForm source) {
            super(source);
        }
    }

    public static class CloseEvent extends ProviderFormEvent {
        CloseEvent(ProviderForm source) {
            super(source);
        }
    }

    public <T extends ComponentEvent<?>> Registration addListener(Class<T> type, ComponentEventListener<T> listener) {
        return getEventBus().addListener(type, listener);
    }
}
