package org.switchboard.core.idempotency.entity;

/** The answer given to the first request with a key, replayed to every repeat. */
public record StoredAnswer(long runId, int status, String body) {}
