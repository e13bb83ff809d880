package org.switchboard.core.providers.entity;

/** Token usage of a generation; {@code estimated} when counted by us rather than reported upstream. */
public record Usage(int inputTokens, int outputTokens, boolean estimated) {}
