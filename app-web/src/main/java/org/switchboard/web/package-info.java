/**
 * The HTTP face of Switchboard: thin JAX-RS resources that validate, call an app-core boundary and map
 * the answer. Errors leave as RFC 9457 {@code application/problem+json}; streams as SSE.
 *
 * <p>app-core is reached only through its doors: a feature's {@code boundary} and {@code entity} types, and from
 * the platform kernel its exceptions, {@code Ids} and {@code JsonP} (see {@code org.switchboard.core.platform}).
 * Never a {@code control} class, never {@code keys}; {@code ArchitectureTest} fails the build otherwise.
 */
package org.switchboard.web;
