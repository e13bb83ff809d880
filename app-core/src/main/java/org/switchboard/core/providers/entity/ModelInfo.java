package org.switchboard.core.providers.entity;

/** A model a client may name, and the provider that serves it. */
public record ModelInfo(String id, String ownedBy) {}
