package org.switchboard.core.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.InstanceName;

/**
 * Keeps leases honest, driven by EJB timers. Every few seconds it renews the leases of the runs this
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

    @Resource
    TimerService timers;

    @PostConstruct
    void scheduleReaper() {
        long every = reaperInterval.toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("lease-reaper", false));
    }

    private Instant leaseEnd() {
        return Instant.now().plus(lease);
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void renew() {
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
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void sweep() {
        try {
            dispatcher.wake();
            for (Long runId : store.cancelRequested(live.ids())) {
                live.find(runId).ifPresent(LiveRun::cancel);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue sweep failed", e);
        }
    }

    @Timeout
    void reap() {
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
