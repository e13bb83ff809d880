package org.switchboard.core.routing.entity;

/**
 * The outcome of a provider's connection test: a one-token chat call with its first active key. {@code ok} when
 * the upstream answered with a token (or ended without one, having accepted the call); otherwise {@code type} is
 * the failure's class ({@code upstream-auth}, {@code upstream-unreachable}, ...) and {@code detail} says why, the
 * key never in it. {@code latencyMillis} runs from the call to its first token or failure.
 */
public record ConnectionTest(boolean ok, String model, long latencyMillis, String type, String detail) {}
