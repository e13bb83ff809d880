package org.switchboard.core.chats.entity;

/** The answer to a create: the chat, and whether it existed already (a repeated client id). */
public record ChatCreation(ChatView chat, boolean existed) {}
