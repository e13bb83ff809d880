/**
 * Runs in the console: the list (filtered by tenant, status, model, time and error class) and one run's page with
 * its timed events, what served it, and cancel. Both read through {@code RunSearch}, whose tenant scope decides
 * what an operator sees: a tenant admin their tenant's runs, a platform admin every tenant's. Another tenant's
 * run id typed in the URL reads as not found.
 */
package org.switchboard.admin.runs;
