package org.switchboard.core.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.platform.Ticker;

/**
 * The tick behind webhook retries: every two seconds, deliveries whose next attempt is due are tried. The tick calls
 * {@link #retryDue} through the business proxy, so it holds the singleton's (write) lock as the timer it replaces
 * did.
 */
@Singleton
@jakarta.ejb.Startup // created at deploy: a singleton first created by a tick during undeploy breaks it
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookRetries {
    private static final Logger LOG = Logger.getLogger(WebhookRetries.class.getName());
    private static final Duration EVERY = Duration.ofSeconds(2);

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Ticker ticker;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> tick;

    @PostConstruct
    void start() {
        tick = ticker.every("Webhook retry sweep", EVERY, context.getBusinessObject(WebhookRetries.class)::retryDue);
    }

    @PreDestroy
    void stop() {
        tick.cancel(false);
    }

    public void retryDue() {
        try {
            dispatcher.retryDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook retry sweep failed", e);
        }
    }
}
