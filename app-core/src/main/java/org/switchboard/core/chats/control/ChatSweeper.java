package org.switchboard.core.chats.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, writes the ends that did not reach their chat: an answer or title run whose watcher died with
 * its instance, or whose end was announced while nobody listened (an orderly stop). With the lease reaper this is
 * what keeps a crashed instance from leaving a chat generating.
 */
@Singleton
@Startup // created at deploy: a singleton first created by a timer tick during undeploy breaks it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatSweeper {
    private static final Logger LOG = Logger.getLogger(ChatSweeper.class.getName());

    @Inject
    TurnStore turns;

    @Inject
    ChatEndings endings;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        try {
            turns.endedActiveRuns().forEach(endings::end);
            turns.completedTitleRuns().forEach(endings::end);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat sweep failed; it runs again at the next tick", e);
        }
    }
}
