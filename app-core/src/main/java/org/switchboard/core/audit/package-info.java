/**
 * The audit trail: one append-only row per API request (who, tenant, route, status, latency, request id,
 * run). Rows are written asynchronously so auditing never adds latency to the request it records.
 */
package org.switchboard.core.audit;
