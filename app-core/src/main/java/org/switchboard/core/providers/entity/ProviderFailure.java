package org.switchboard.core.providers.entity;

/**
 * Why a generation failed, in provider-neutral terms: a stable {@code type} slug, a human {@code detail}
 * and the upstream HTTP status when there was one (0 otherwise).
 */
public record ProviderFailure(String type, String detail, int upstreamStatus) {}
