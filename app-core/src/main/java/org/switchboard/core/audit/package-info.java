/**
 * The audit trail: one append-only row per API request (who, tenant, route, status, latency, request id, run),
 * written asynchronously so auditing never adds latency to the request it records; and one row per admin change
 * (providers, keys, policies, operators; console and admin REST API alike), written by the boundary that makes
 * the change, in its transaction, with the row before and after (keys masked).
 *
 * <p>Invariant: an admin change commits together with its audit row, or neither does ({@code AuditTrail.change}
 * joins the boundary's transaction). Guarded by {@code ConsoleAdminIT}.
 */
package org.switchboard.core.audit;
