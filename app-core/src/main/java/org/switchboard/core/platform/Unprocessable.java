package org.switchboard.core.platform;

/** The request is well-formed but contradicts an earlier one it claims to repeat. A family: each condition is a subclass named after it. */
public abstract class Unprocessable extends SwitchboardException {
    protected Unprocessable(String type, String message) {
        super(type, message);
    }
}
