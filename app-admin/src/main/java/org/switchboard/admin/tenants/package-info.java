/**
 * Tenants in the console: usage so far (requests, tokens, cost) per tenant, user and model, and the tenant's
 * webhook secret, shown once when it is rotated. A tenant admin sees only their tenant.
 */
package org.switchboard.admin.tenants;
