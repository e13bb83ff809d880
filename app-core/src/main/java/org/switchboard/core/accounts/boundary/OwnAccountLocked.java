package org.switchboard.core.accounts.boundary;

import org.switchboard.core.platform.Conflict;

/** An operator may not disable itself (the platform would be left without anyone to undo it). */
public class OwnAccountLocked extends Conflict {
    public OwnAccountLocked() {
        super("own-account", "You cannot disable the account you are signed in with");
    }
}
