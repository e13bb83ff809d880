package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.Ticker;

/**
 * Purges what is past its retention, every minute (at second 15, a {@link Ticker} tick through the business proxy,
 * which holds the singleton's write lock as the timer it replaces did): the events of runs that ended longer ago than
 * {@code switchboard.runs.retention}, as rows or compacted (the run row stays as an {@code expired} tombstone, so
 * its id answers 410 rather than 404), and idempotency keys older than {@code switchboard.idempotency.ttl}. Then
 * it compacts the logs of ended runs no instance has compacted yet ({@link RunCompactor#sweep}).
 */
@Singleton
@jakarta.ejb.Startup // created at deploy: a singleton first created by a tick during undeploy breaks it
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    private static final int BATCH = 500;

    @Inject
    @ConfigProperty(name = "switchboard.runs.retention")
    Duration retention;

    @Inject
    RunRows rows;

    @Inject
    RunCompactor compactor;

    @Inject
    org.switchboard.core.idempotency.boundary.IdempotencyKeys keys;

    @Inject
    Ticker ticker;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> tick;

    @PostConstruct
    void start() {
        tick = ticker.at("Retention purge", "15 * * * * *", context.getBusinessObject(Retention.class)::purge);
    }

    @PreDestroy
    void stop() {
        tick.cancel(false);
    }

    public void purge() {
        try {
            Instant before = Instant.now().minus(retention);
            int expired;
            do {
                expired = rows.expire(before, BATCH);
            } while (expired == BATCH);
            keys.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention purge failed; it runs again in a minute", e);
        }
        try {
            compactor.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Compacting the logs of ended runs failed; it runs again in a minute", e);
        }
    }
}
