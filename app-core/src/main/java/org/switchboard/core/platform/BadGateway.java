package org.switchboard.core.platform;

/** Every upstream that could have served the request failed; nothing was changed here. */
public class BadGateway extends SwitchboardException {
    public BadGateway(String type, String message) {
        super(type, message);
    }
}
