package org.switchboard.admin.tenants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a tenant's new webhook secret once; closing it is the last time the console shows it. */
class SecretDialog extends Dialog {
    SecretDialog(String secret, String tenant) {
        setHeaderTitle("New webhook secret of " + tenant);
        TextField value = new TextField();
        value.setId("new-secret");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        add(
                new Paragraph("Copy it now into your webhook receivers: it is not shown again. Deliveries are signed"
                        + " with it from now on."),
                value);
        Button done = new Button("I have copied it", click -> close());
        done.setId("close-secret");
        getFooter().add(done);
        setWidth("36em");
    }
}
