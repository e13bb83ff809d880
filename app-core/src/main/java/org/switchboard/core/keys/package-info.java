/**
 * Provider keys at rest (SPEC §6): sealed with AES-256-GCM under a master key from the environment or a secret
 * file, shown only masked, opened only to call the upstream.
 */
package org.switchboard.core.keys;
