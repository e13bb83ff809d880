package org.switchboard.core.audit.entity;

/**
 * One admin change, made in the console or through the admin REST API: who ({@code actor}, acting in
 * {@code tenantId}), what ({@code action} such as {@code provider.update}, on {@code subject} such as
 * {@code providers/42}), and the row as JSON before and after (null where it did not exist). Key secrets never
 * appear: the states are the admin API's answers, which show masks only.
 */
public record AdminChange(String tenantId, String actor, String action, String subject, String before, String after) {}
