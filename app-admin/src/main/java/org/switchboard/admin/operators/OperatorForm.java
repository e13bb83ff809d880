package org.switchboard.admin.operators;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import jakarta.validation.ConstraintViolation;
import java.util.Set;
import org.switchboard.admin.shell.FieldErrors;

/** A new console operator: username, initial password, and the tenant it administers (none: the platform). */
public class OperatorForm extends FormLayout {
    private final BeanValidationBinder<OperatorDraft> binder = new BeanValidationBinder<>(OperatorDraft.class);

    public OperatorForm() {
        setId("operator-form");
        TextField username = new TextField("Username");
        username.setId("operator-username");
        PasswordField password = new PasswordField("Initial password");
        password.setId("operator-password");
        password.setHelperText("At least 12 characters; stored as a slow hash only");
        TextField tenant = new TextField("Tenant");
        tenant.setId("operator-tenant");
        tenant.setHelperText("The tenant this operator administers; leave empty for a platform admin");
        binder.forField(username).asRequired("must not be empty").bind("username");
        binder.forField(password).asRequired("must not be empty").bind("password");
        binder.forField(tenant).bind("tenant");
        OperatorDraft draft = new OperatorDraft();
        binder.readBean(draft);
        Button save = new Button("Create operator", click -> {
            try {
                binder.writeBean(draft);
                fireEvent(new SaveEvent(this, draft));
            } catch (ValidationException invalid) {
                // the binder marks the fields; nothing is saved
            }
        });
        save.setId("operator-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(username, password, tenant, save);
    }

    public String showViolations(Set<ConstraintViolation<?>> violations) {
        return FieldErrors.show(binder, violations, "");
    }

    public static class SaveEvent extends ComponentEvent<OperatorForm> {
        private final OperatorDraft draft;

        SaveEvent(OperatorForm source, OperatorDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public OperatorDraft draft() {
            return draft;
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
