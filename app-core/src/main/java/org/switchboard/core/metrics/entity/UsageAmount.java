package org.switchboard.core.metrics.entity;

/** A tenant's tokens (input and output) and cost on one model alias, over one minute. */
public record UsageAmount(String tenant, String model, long tokens, double cost) {}
