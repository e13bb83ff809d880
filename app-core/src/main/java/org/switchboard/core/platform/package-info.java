/**
 * Cross-cutting plumbing every feature stands on: the application's datasource, schema migration at start-up,
 * 64-bit time-ordered ids and the root of the exception hierarchy. Nothing here knows about HTTP.
 *
 * <p>Platform is the shared kernel, not a feature: it depends on no feature, and every feature may depend on it.
 * app-web and app-admin may use only its exceptions ({@link org.switchboard.core.platform.SwitchboardException}
 * and its subclasses, which their problem mappers translate), {@link org.switchboard.core.platform.Ids} and
 * {@link org.switchboard.core.platform.JsonP}; the web's readiness check may also read
 * {@link org.switchboard.core.platform.Database}'s JNDI name and whether
 * {@link org.switchboard.core.platform.SchemaMigration} has run. The rest (thread pools, the ticker, the batch writer,
 * the instance name, converters, lifecycle events) is core's own. The architecture tests of app-core, app-web and
 * app-admin hold these lines.
 */
package org.switchboard.core.platform;
