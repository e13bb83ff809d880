package org.switchboard.core.webhooks.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The EJB timer behind webhook retries: every two seconds, deliveries whose next attempt is due are tried. */
@Singleton
@jakarta.ejb.Startup // created at deploy: a singleton first created by a timer tick during undeploy breaks it
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookRetries {
    private static final Logger LOG = Logger.getLogger(WebhookRetries.class.getName());

    @Inject
    WebhookDispatcher dispatcher;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void retryDue() {
        try {
            dispatcher.retryDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook retry sweep failed", e);
        }
    }
}
