/**
 * Webhooks: when a run submitted with a {@code callback_url} ends, its summary is POSTed there, signed per
 * the Standard Webhooks spec (https://www.standardwebhooks.com/): {@code webhook-id} (stable across retries),
 * {@code webhook-timestamp}, {@code webhook-signature} = {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * with the tenant's secret. Non-2xx answers and timeouts are retried on the configured schedule; every
 * attempt is recorded. Callback URLs that resolve to loopback, private, link-local or metadata addresses are
 * refused unless their host is on the allow-list.
 *
 * <p>Webhooks depends on runs, never the reverse: it observes runs' {@link org.switchboard.core.runs.entity.RunEnded}
 * event and reads the ended run through {@link org.switchboard.core.runs.boundary.RunHistory}. Runs fires the event
 * without knowing who listens.
 */
package org.switchboard.core.webhooks;
