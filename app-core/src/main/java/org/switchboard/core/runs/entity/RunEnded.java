package org.switchboard.core.webhooks.entity;

/** Fired (asynchronously) once a run's terminal event is durable. */
public record RunEnded(long runId) {}
