package org.switchboard.core.keys;

import org.switchboard.core.platform.Conflict;

/** No master key is configured, so provider keys can be neither stored nor used; problem type {@code master-key-missing}. */
public class MasterKeyMissing extends Conflict {
    public MasterKeyMissing() {
        super(
                "master-key-missing",
                "No master key is configured (switchboard.keys.master-key or switchboard.keys.master-key-file), so provider keys can be neither stored nor used");
    }
}
