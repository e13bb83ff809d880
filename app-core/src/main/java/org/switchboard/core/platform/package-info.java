/**
 * Cross-cutting plumbing every feature stands on: the application's datasource, schema migration at start-up,
 * 64-bit time-ordered ids and the root of the exception hierarchy. Nothing here knows about HTTP.
 */
package org.switchboard.core.platform;
