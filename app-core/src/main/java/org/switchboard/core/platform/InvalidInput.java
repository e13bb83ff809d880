package org.switchboard.core.platform;

/** The caller's input cannot be acted on as given; nothing was changed. */
public class InvalidInput extends SwitchboardException {
    public InvalidInput(String type, String message) {
        super(type, message);
    }
}
