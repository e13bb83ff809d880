/**
 * Webhook deliveries in the console: status, every attempt with the receiver's answer and time, and "retry now".
 * Read and retried through {@code WebhookDeliveries}, in the operator's tenant scope.
 */
package org.switchboard.admin.deliveries;
