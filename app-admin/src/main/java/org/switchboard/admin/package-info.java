/**
 * The Vaadin admin console at {@code /admin}: one view per feature, talking to app-core boundaries
 * directly. Every route but the login needs a signed-in operator.
 *
 * <p>Views use app-core's {@code boundary} and {@code entity} types only (and platform's exceptions, ids and
 * JSON-P); {@code ArchitectureTest} fails the build when a view reaches a {@code control} class.
 */
package org.switchboard.admin;
