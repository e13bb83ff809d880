package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.core.keys.KeyVault;
import org.switchboard.core.keys.MasterKeys;
import org.switchboard.core.routing.entity.ProviderKey;

/**
 * Puts a provider key's secret under the current master key (AES-256-GCM, bound to the row id) and keeps its
 * mask in step; the secret itself is never stored or returned.
 */
@ApplicationScoped
public class KeySealing {
    @Inject
    KeyVault vault;

    public void seal(ProviderKey key, String secret) {
        key.seal(vault.seal(secret, key.id()), vault.currentId());
        key.remask(MasterKeys.mask(secret));
    }

    /** Re-seals a key sealed under an older master key; false if it already is under the current one. */
    public boolean reseal(ProviderKey key) {
        if (key.masterKeyId().equals(vault.currentId())) {
            return false;
        }
        key.seal(vault.seal(open(key), key.id()), vault.currentId());
        return true;
    }

    public String open(ProviderKey key) {
        return vault.open(key.ciphertext(), key.id(), key.masterKeyId());
    }

    public String currentMasterKeyId() {
        return vault.currentId();
    }
}
