package org.switchboard.core.runs.entity;

import java.util.List;

/** A run, every durable event of its log with its moment, and the timings they give. */
public record RunTimeline(RunView run, List<TimedEvent> events, RunTimings timings) {}
