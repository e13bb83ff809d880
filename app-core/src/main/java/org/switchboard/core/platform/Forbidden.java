package org.switchboard.core.platform;

/** The caller is known but may not do this. */
public class Forbidden extends SwitchboardException {
    public Forbidden(String type, String message) {
        super(type, message);
    }
}
