package org.switchboard.admin.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.event.Observes;
import org.switchboard.admin.shell.ConsoleErrors;

/**
 * Sends every navigation without a signed-in operator to the login view, and gives every session the console's
 * one error handler.
 */
public class NavigationGuard {
    void install(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(NavigationGuard::check));
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new ConsoleErrors()));
    }

    private static void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() != LoginView.class
                && SignedIn.operator().isEmpty()) {
            event.rerouteTo(LoginView.class);
        }
    }
}
