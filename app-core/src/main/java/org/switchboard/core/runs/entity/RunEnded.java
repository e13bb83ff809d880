package org.switchboard.core.runs.entity;

/**
 * Fired (asynchronously) once a run's terminal event is durable. Runs fires it and never knows who listens;
 * webhooks observes it and reads the ended run through {@link org.switchboard.core.runs.boundary.RunHistory}.
 */
public record RunEnded(long runId) {}
