package org.switchboard.core.keys;

import org.switchboard.core.platform.ServiceUnavailable;

/**
 * A provider key cannot be opened: its master key is missing or the ciphertext does not verify. Routing treats
 * it like the upstream refusing the key (the target is skipped); should it reach a client it is a 503 with
 * problem type {@code key-unavailable}.
 */
public class KeyUnavailable extends ServiceUnavailable {
    public KeyUnavailable(String message) {
        super("key-unavailable", message);
    }
}
