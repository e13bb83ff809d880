package org.switchboard.core.keys;

/** A provider key cannot be opened: its master key is missing or the ciphertext does not verify. */
public class KeyUnavailable extends RuntimeException {
    public KeyUnavailable(String message) {
        super(message);
    }
}
