package org.switchboard.core.platform;

/** Something the caller asked for does not exist, or is not theirs to see (the two look the same). */
public abstract class NotFound extends SwitchboardException {
    protected NotFound(String type, String message) {
        super(type, message);
    }
}
