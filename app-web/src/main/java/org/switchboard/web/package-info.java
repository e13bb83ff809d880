/**
 * The HTTP face of Switchboard: thin JAX-RS resources that validate, call an app-core boundary and map
 * the answer. Errors leave as RFC 9457 {@code application/problem+json}; streams as SSE.
 */
package org.switchboard.web;
