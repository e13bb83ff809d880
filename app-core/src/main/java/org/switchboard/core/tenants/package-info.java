/**
 * Who is calling: the tenant and user a request acts for. Every tenant-owned read and write takes a
 * {@link org.switchboard.core.tenants.entity.Caller}; another tenant's data is never visible, and looks
 * exactly like data that does not exist.
 */
package org.switchboard.core.tenants;
