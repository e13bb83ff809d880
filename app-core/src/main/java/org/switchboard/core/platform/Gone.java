package org.switchboard.core.platform;

/** Something that existed is no longer kept (past its retention). */
public abstract class Gone extends SwitchboardException {
    protected Gone(String type, String message) {
        super(type, message);
    }
}
