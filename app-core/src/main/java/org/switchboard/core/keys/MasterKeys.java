package org.switchboard.core.keys;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens secrets with AES-256-GCM: a random 96-bit IV per seal, a 128-bit tag, and associated data
 * that binds a ciphertext to its row (a sealed key copied onto another row does not open). The current master
 * key seals; it and any previous ones open, each found by its id (the first 8 hex digits of its SHA-256), so a
 * rotation needs no downtime: configure the new key, keep the old one as previous until every row is re-sealed.
 */
public final class MasterKeys {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    /** {@code current} and {@code previous} are base64-encoded 32-byte keys. */
    public MasterKeys(String current, List<String> previous) {
        Map<String, SecretKeySpec> all = new LinkedHashMap<>();
        SecretKeySpec currentKey = decode(current);
        currentId = id(currentKey);
        all.put(currentId, currentKey);
        for (String old : previous) {
            SecretKeySpec key = decode(old);
            all.putIfAbsent(id(key), key);
        }
        keys = Map.copyOf(all);
    }

    public String currentId() {
        return currentId;
    }

    /** A new random master key, base64-encoded. */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public byte[] seal(String plaintext, byte[] associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a ciphertext sealed under the master key {@code masterKeyId}; fails if it was tampered with. */
    public String open(byte[] ciphertext, byte[] associatedData, String masterKeyId) {
        SecretKeySpec key = keys.get(masterKeyId);
        if (key == null) {
            throw new KeyUnavailable("The master key " + masterKeyId
                    + " that sealed this provider key is not configured (see switchboard.keys.previous-master-keys)");
        }
        if (ciphertext == null || ciphertext.length < IV_BYTES + TAG_BITS / 8) {
            throw new KeyUnavailable("A provider key's ciphertext is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            byte[] plain = cipher.doFinal(ciphertext, IV_BYTES, ciphertext.length - IV_BYTES);
            return new String(plain, java.nio.charset.StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailable("A provider key does not open under its master key (tampered or wrong row)");
        }
    }

    /** How a key is shown: never more than its last four characters, and a hint of its prefix. */
    public static String mask(String plaintext) {
        String key = plaintext.strip();
        if (key.length() < 12) {
            return "…" + (key.length() > 4 ? key.substring(key.length() - 2) : "");
        }
        int prefix = key.startsWith("sk-") ? 3 : Math.min(2, key.length());
        return key.substring(0, prefix) + "…" + key.substring(key.length() - 4);
    }

    private static SecretKeySpec decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A master key must be base64 (32 random bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("A master key must be 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKeySpec key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
