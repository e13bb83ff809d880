package org.switchboard.core.runs.entity;

import java.time.Instant;

/**
 * One event of a run's log with the moment it became durable. Events written in one batch share (nearly) one
 * moment, so gaps shorter than a batch interval read as zero.
 */
public record TimedEvent(int seq, EventType type, String data, Instant at) {}
