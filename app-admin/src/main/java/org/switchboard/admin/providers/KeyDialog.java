package org.switchboard.admin.providers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.switchboard.core.routing.boundary.KeyRequest;

/**
 * Takes a key's secret once: a new key (label and secret) or a rotation (a new secret for an existing key). The
 * secret goes to the boundary, which seals it; the console never shows it again, only its mask.
 */
class KeyDialog extends Dialog {
    KeyDialog(String title, boolean withLabel, Consumer<KeyRequest> onSave) {
        setHeaderTitle(title);
        setId("key-dialog");
        TextField label = new TextField("Label");
        label.setId("key-label");
        label.setPlaceholder("e.g. production");
        label.setVisible(withLabel);
        PasswordField secret = new PasswordField("Secret");
        secret.setId("key-secret");
        secret.setHelperText("Stored sealed under the master key; only its mask is ever shown");
        secret.setRequired(true);
        add(new FormLayout(label, secret));
        Button save = new Button("Save key", click -> {
            if (secret.getValue().isBlank()) {
                secret.setErrorMessage("must not be blank");
                secret.setInvalid(true);
                return;
            }
            String given = label.getValue().isBlank() ? null : label.getValue();
            onSave.accept(new KeyRequest(withLabel ? given : null, secret.getValue(), null));
            close();
        });
        save.setId("key-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
