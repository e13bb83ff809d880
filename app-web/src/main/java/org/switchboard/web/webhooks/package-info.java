/** Webhook settings a tenant's staff can read: the signing secret their receivers verify with. */
package org.switchboard.web.webhooks;
