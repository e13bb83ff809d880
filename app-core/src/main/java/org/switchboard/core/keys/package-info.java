/**
 * Provider keys at rest (SPEC §6): sealed with AES-256-GCM under a master key from the environment or a secret
 * file, shown only masked, opened only to call the upstream.
 *
 * <p>Like {@code platform}, a kernel package rather than a feature with boundary, control and entity: routing
 * seals and opens keys through it, and nothing in app-web or app-admin may touch it (their architecture tests
 * say so). It depends on platform only.
 */
package org.switchboard.core.keys;
