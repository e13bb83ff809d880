package org.switchboard.admin.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.event.Observes;

/** Sends every navigation without a signed-in operator to the login view. */
public class NavigationGuard {
    void install(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(NavigationGuard::check));
    }

    private static void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() != LoginView.class
                && SignedIn.operator().isEmpty()) {
            event.rerouteTo(LoginView.class);
        }
    }
}
