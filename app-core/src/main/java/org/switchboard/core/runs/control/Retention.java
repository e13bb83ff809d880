package org.switchboard.core.runs.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges what is past its retention, every minute: the events of runs that ended longer ago than
 * {@code switchboard.runs.retention}, as rows or compacted (the run row stays as an {@code expired} tombstone, so
 * its id answers 410 rather than 404), and idempotency keys older than {@code switchboard.idempotency.ttl}. Then
 * it compacts the logs of ended runs no instance has compacted yet ({@link RunCompactor#sweep}).
 */
@Singleton
@jakarta.ejb.Startup // created at deploy: a singleton first created by a timer tick during undeploy breaks it
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

    @Schedule(second = "15", minute = "*", hour = "*", persistent = false)
    void purge() {
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
