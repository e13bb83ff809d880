package org.switchboard.core.platform;

/** Every upstream that could have served the request failed; nothing was changed here. A family: each condition is a subclass named after it. */
public abstract class BadGateway extends SwitchboardException {
    protected BadGateway(String type, String message) {
        super(type, message);
    }

    protected BadGateway(String type, String message, boolean stackless) {
        super(type, message, stackless);
    }
}
