package org.switchboard.core.providers.entity;

/** One message of the conversation sent to a provider. */
public record ChatMessage(String role, String content) {}
