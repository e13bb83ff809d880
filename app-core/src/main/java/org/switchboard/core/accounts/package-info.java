/**
 * Console operators: their accounts, password hashes (PBKDF2 via Jakarta Security), the platform operator seeded on
 * first start, and their management by platform admins ({@code Operators}).
 *
 * <p>Two kinds of operator: a platform operator ({@code tenant_id} NULL, role {@code platform-admin}) sees and
 * changes every tenant (acting for the one it picks), the global providers and policies and the operators; a tenant
 * operator (role {@code admin}) acts for its own tenant only. {@code Operator.actingFor} turns either into the
 * {@code Caller} the console's boundary calls carry, and the boundaries check that caller's roles
 * ({@code @RequiresRole}) and tenant scope, so a hidden button is never the only guard.
 *
 * <p>Invariants: a disabled operator never signs in; an operator cannot disable itself; passwords are never stored
 * or shown in clear, nor written to the audit log.
 */
package org.switchboard.core.accounts;
