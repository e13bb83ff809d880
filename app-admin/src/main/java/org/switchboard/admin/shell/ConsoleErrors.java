package org.switchboard.admin.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.platform.Ids;

/**
 * The console's one session error handler: whatever a view did not handle is logged under a fresh request id and
 * shown to the operator as a notification with that id, so a report can be matched with the log line. A named
 * condition (not found, forbidden, conflict) is shown with its own words and logged briefly; anything else is
 * logged with its stack trace and shown as a failure.
 */
public class ConsoleErrors implements ErrorHandler {
    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());

    @Override
    public void error(ErrorEvent event) {
        String requestId = Long.toString(Ids.next());
        Throwable failure = event.getThrowable();
        String message = Failures.condition(failure)
                .map(condition -> {
                    LOG.info(() -> "Console request " + requestId + " refused: " + condition.type() + ": "
                            + condition.getMessage());
                    return condition.getMessage();
                })
                .orElseGet(() -> {
                    LOG.log(Level.SEVERE, "Console request " + requestId + " failed", failure);
                    return "Something went wrong";
                });
        if (UI.getCurrent() != null) {
            show(message + " (request " + requestId + ")");
        }
    }

    /** An error notification, also for views that handle a failure themselves. */
    public static void show(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
    }
}
