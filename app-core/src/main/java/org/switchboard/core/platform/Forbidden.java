package org.switchboard.core.platform;

/** The caller is known but may not do this. A family: each condition is a subclass named after it. */
public abstract class Forbidden extends SwitchboardException {
    protected Forbidden(String type, String message) {
        super(type, message);
    }
}
