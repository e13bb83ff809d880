package org.switchboard.core.chats.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, ends the generation of chats whose run has ended without the chat hearing of it: the
 * {@code RunEnded} event is fired once, on the instance that ended the run, and is lost if that instance dies
 * right then. With the lease reaper this is what keeps a crashed instance from leaving a chat generating.
 */
@Singleton
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
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat sweep failed; it runs again at the next tick", e);
        }
    }
}
