package org.switchboard.core.platform;

import jakarta.ejb.ApplicationException;

/**
 * Root of every condition the application names. Unchecked, and it rolls the transaction back.
 * {@link #type()} is the stable slug of the problem (the web layer turns it into an RFC 9457 type URI).
 */
@ApplicationException(rollback = true)
public abstract class SwitchboardException extends RuntimeException {
    private final String type;

    protected SwitchboardException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** For an expected outcome rather than a bug (an upstream's refusal, say): no stack trace is captured. */
    protected SwitchboardException(String type, String message, boolean stackless) {
        super(message, null, false, !stackless);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
