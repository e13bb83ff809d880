package org.switchboard.core.chats.control;

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
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.platform.Ticker;

/**
 * Every five seconds (a {@link Ticker} tick, through the business proxy), writes the ends that did not reach their
 * chat: an answer or title run whose watcher died with its instance, or whose end was announced while nobody listened
 * (an orderly stop). With the lease reaper this is what keeps a crashed instance from leaving a chat generating.
 */
@Singleton
@Startup // created at deploy: a singleton first created by a tick during undeploy breaks it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatSweeper {
    private static final Logger LOG = Logger.getLogger(ChatSweeper.class.getName());
    private static final Duration EVERY = Duration.ofSeconds(5);

    @Inject
    TurnStore turns;

    @Inject
    ChatEndings endings;

    @Inject
    Ticker ticker;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> tick;

    @PostConstruct
    void start() {
        tick = ticker.every("Chat sweep", EVERY, context.getBusinessObject(ChatSweeper.class)::sweep);
    }

    @PreDestroy
    void stop() {
        tick.cancel(false);
    }

    public void sweep() {
        try {
            turns.endedActiveRuns().forEach(endings::end);
            turns.completedTitleRuns().forEach(endings::end);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat sweep failed; it runs again at the next tick", e);
        }
    }
}
