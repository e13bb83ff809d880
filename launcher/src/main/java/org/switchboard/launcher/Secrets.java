package org.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Generated secrets kept in owner-only files of the local data directory, created on first use. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        writePrivate(file, secret);
        return secret;
    }

    /**
     * The master key sealing provider keys (AES-256: 32 random bytes, base64) in an owner-only file, created on
     * first use; the file's path is what the server is given, never the key.
     */
    static Path masterKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            writePrivate(file, java.util.Base64.getEncoder().encodeToString(key));
        }
        return file;
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
