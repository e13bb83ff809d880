/**
 * The Prometheus endpoint {@code /metrics} (a servlet beside the REST application, guarded by the metrics token);
 * the meters themselves live in app-core's {@code metrics} feature.
 */
package org.switchboard.web.metrics;
