/**
 * The console's frame, shared by every view: the side navigation with every section (by route path, so each
 * section's view lives in its own package), the header with the operator, the tenant it acts for and its time zone
 * ({@link org.switchboard.admin.shell.Times} formats in it), empty states, field errors from a boundary's Bean
 * Validation, and the one session error handler ({@link org.switchboard.admin.shell.ConsoleErrors}).
 */
package org.switchboard.admin.shell;
