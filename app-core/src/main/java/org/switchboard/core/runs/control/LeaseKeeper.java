package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.InstanceName;
import org.switchboard.core.platform.Ticker;

/**
 * Keeps leases honest, on {@link Ticker} ticks. Every few seconds it renews the leases of the runs this
 * instance is generating; every {@code switchboard.runs.reaper-interval} it ends runs whose lease expired
 * (their instance died mid-run) as {@code incomplete}, with a terminal {@code error} event that says why.
 * Re-running them instead would pay twice for tokens a client may already have seen.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());
    private static final int REAP_BATCH = 100;
    private static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(2);

    @Inject
    @ConfigProperty(name = "switchboard.runs.lease")
    Duration lease;

    @Inject
    @ConfigProperty(name = "switchboard.runs.reaper-interval")
    Duration reaperInterval;

    @Inject
    RunStore store;

    @Inject
    RunRows rows;

    @Inject
    LiveRuns live;

    @Inject
    RunDispatcher dispatcher;

    @Inject
    jakarta.enterprise.event.Event<org.switchboard.core.runs.entity.RunEnded> ended;

    @Inject
    Ticker ticker;

    @Resource
    SessionContext context;

    private List<ScheduledFuture<?>> ticks = List.of();

    /** Each tick goes through the business proxy, as the timeout methods it replaces did. */
    @PostConstruct
    void start() {
        LeaseKeeper self = context.getBusinessObject(LeaseKeeper.class);
        ticks = List.of(
                ticker.every("Lease renewal", RENEW_EVERY, self::renew),
                ticker.every("Queue sweep", SWEEP_EVERY, self::sweep),
                ticker.every("Lease reaper", reaperInterval, self::reap));
    }

    @PreDestroy
    void stop() {
        ticks.forEach(tick -> tick.cancel(false));
    }

    private Instant leaseEnd() {
        return Instant.now().plus(lease);
    }

    /** Every five seconds: renews the leases of the runs generating here. */
    public void renew() {
        try {
            rows.renewLeases(live.ids(), InstanceName.VALUE, leaseEnd());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew run leases", e);
        }
    }

    /**
     * Every two seconds: claims runs left queued (their submitting instance went away before a worker took
     * them) and honours cancels requested through another instance.
     */
    public void sweep() {
        try {
            dispatcher.wake();
            for (Long runId : store.cancelRequested(live.ids())) {
                live.find(runId).ifPresent(LiveRun::cancel);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue sweep failed", e);
        }
    }

    /** Every {@code switchboard.runs.reaper-interval}: ends the runs whose lease expired. */
    public void reap() {
        try {
            Instant now = Instant.now();
            for (Long runId : store.expiredLeases(now, REAP_BATCH)) {
                if (rows.endExpired(runId, now)) {
                    ended.fireAsync(new org.switchboard.core.runs.entity.RunEnded(runId));
                    LOG.info(() -> "Run " + runId + " ended incomplete: its lease expired");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Lease reaper failed; it runs again at the next tick", e);
        }
    }
}
