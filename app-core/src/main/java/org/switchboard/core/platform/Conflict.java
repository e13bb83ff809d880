package org.switchboard.core.platform;

/** The request clashes with the current state of what it addresses; retrying later may succeed. A family: each condition is a subclass named after it. */
public abstract class Conflict extends SwitchboardException {
    protected Conflict(String type, String message) {
        super(type, message);
    }
}
