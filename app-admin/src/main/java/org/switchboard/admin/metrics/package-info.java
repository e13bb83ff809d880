/**
 * The metrics dashboard: the last hour of this instance's metrics as live charts (Chart.js from its WebJar), read
 * through core's {@code metrics.boundary.MetricsHistory} and redrawn by server push.
 */
package org.switchboard.admin.metrics;
