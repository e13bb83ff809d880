/**
 * The audit log in the console: filter by time, tenant, user and action, and download the filtered rows as CSV.
 * Rows are read through {@code AuditLog}, in the operator's tenant scope.
 */
package org.switchboard.admin.audit;
