package org.switchboard.core.platform;

/** The request is well-formed but contradicts an earlier one it claims to repeat. */
public class Unprocessable extends SwitchboardException {
    public Unprocessable(String type, String message) {
        super(type, message);
    }
}
