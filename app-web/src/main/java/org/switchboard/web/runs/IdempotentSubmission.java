package org.switchboard.web.runs;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.core.idempotency.boundary.IdempotencyKeys;
import org.switchboard.core.idempotency.entity.StoredAnswer;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.tenants.entity.Caller;

/**
 * One submission's use of its {@code Idempotency-Key} (a no-op without one). The request is fingerprinted by
 * a SHA-256 of its JSON body and its simulator headers.
 */
final class IdempotentSubmission {
    private static final int MAX_KEY = 255;

    private final IdempotencyKeys keys;
    private final Caller caller;
    private final String key;
    private final String fingerprint;

    private IdempotentSubmission(IdempotencyKeys keys, Caller caller, String key, String fingerprint) {
        this.keys = keys;
        this.caller = caller;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    static IdempotentSubmission of(
            IdempotencyKeys keys, Caller caller, String key, JsonObject body, Map<String, String> hints) {
        if (key != null && !isSane(key)) {
            throw new InvalidInput(
                    "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to " + MAX_KEY + " printable ASCII characters, not all blank");
        }
        return new IdempotentSubmission(
                keys, caller, key, key == null ? null : sha256(body + "\n" + new TreeMap<>(hints)));
    }

    /** Printable ASCII only: a key is stored and compared as given, and shown back in logs and the console. */
    private static boolean isSane(String key) {
        if (key.isBlank() || key.length() > MAX_KEY) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    Optional<StoredAnswer> begin() {
        return key == null ? Optional.empty() : keys.begin(caller, key, fingerprint);
    }

    void answered(long runId, int status, String body) {
        if (key != null) {
            keys.answered(caller, key, runId, status, body);
        }
    }

    void abandon() {
        if (key != null) {
            keys.abandon(caller, key);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
