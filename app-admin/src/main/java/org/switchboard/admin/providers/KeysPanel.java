package org.switchboard.admin.providers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.routing.boundary.KeyRequest;
import org.switchboard.core.routing.boundary.KeyResponse;
import org.switchboard.core.routing.boundary.ProviderKeys;

/** A provider's keys, masked: add one, rotate its secret, disable or enable it. */
class KeysPanel extends VerticalLayout {
    private final ProviderKeys keys;
    private final String providerId;
    private final Grid<KeyResponse> grid = new Grid<>();
    private final Paragraph empty =
            new Paragraph("No keys yet. Add the provider's API key: it is sealed at rest and shown masked from then on."
                    + " The simulator needs none.");

    KeysPanel(ProviderKeys keys, String providerId) {
        this.keys = keys;
        this.providerId = providerId;
        setPadding(false);
        grid.setId("keys-grid");
        grid.addColumn(KeyResponse::label).setHeader("Label").setAutoWidth(true);
        grid.addColumn(KeyResponse::mask).setHeader("Key").setAutoWidth(true);
        grid.addColumn(KeyResponse::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(k -> k.statusReason() == null ? "" : k.statusReason()).setHeader("Why");
        grid.addColumn(k -> Times.format(k.updatedAt())).setHeader("Changed").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("keys-empty");
        Button add = new Button("Add key", VaadinIcon.KEY.create(), click -> new KeyDialog(
                        "Add a key",
                        true,
                        request -> change(() -> keys.add(SignedIn.caller(), providerId, request), "Key added"))
                .open());
        add.setId("add-key");
        add(new HorizontalLayout(new H3("Keys"), add), empty, grid);
        refresh();
    }

    private HorizontalLayout actions(KeyResponse key) {
        Button rotate = new Button("Rotate", click -> new KeyDialog(
                        "Rotate " + key.label(),
                        false,
                        request -> change(
                                () -> keys.update(SignedIn.caller(), providerId, key.id(), request), "Key rotated"))
                .open());
        rotate.setId("rotate-key-" + key.id());
        boolean active = "active".equals(key.status());
        Button toggle = new Button(
                active ? "Disable" : "Enable",
                click -> change(
                        () -> keys.update(
                                SignedIn.caller(),
                                providerId,
                                key.id(),
                                new KeyRequest(null, null, active ? "disabled" : "active")),
                        active ? "Key disabled" : "Key enabled"));
        toggle.setId((active ? "disable-key-" : "enable-key-") + key.id());
        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(rotate, toggle);
    }

    private void change(Runnable call, String done) {
        call.run(); // a refusal reaches the session's error handler, which shows it
        Notification.show(done);
        refresh();
    }

    private void refresh() {
        var list = keys.list(SignedIn.caller(), providerId);
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setVisible(list.isEmpty());
    }
}
