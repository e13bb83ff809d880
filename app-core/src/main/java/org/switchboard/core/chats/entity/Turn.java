package org.switchboard.core.chats.entity;

/**
 * What a send or a regeneration started: the user message (new, or the existing parent of a regenerated answer),
 * the answer being generated, its run and a ticket for that run's event stream.
 */
public record Turn(
        long chatId, long userMessageId, String userClientId, long answerId, long runId, String streamTicket) {}
