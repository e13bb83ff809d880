package org.switchboard.core.platform;

/** The request clashes with the current state of what it addresses; retrying later may succeed. */
public class Conflict extends SwitchboardException {
    public Conflict(String type, String message) {
        super(type, message);
    }
}
