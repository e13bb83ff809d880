package org.switchboard.core.platform;

/** Switchboard cannot serve the request right now (its database does not answer); a later retry may succeed. */
public abstract class ServiceUnavailable extends SwitchboardException {
    protected ServiceUnavailable(String type, String message) {
        super(type, message);
    }
}
