package org.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The dev JWT signing key pair (RSA 2048), created on first run in the local data directory and never
 * committed. The server verifies with the public key; {@link DevTokens} signs with the private one.
 */
public final class DevKeys {
    private final Path publicKeyPem;
    private final PrivateKey privateKey;

    private DevKeys(Path publicKeyPem, PrivateKey privateKey) {
        this.publicKeyPem = publicKeyPem;
        this.privateKey = privateKey;
    }

    public static DevKeys loadOrCreate(Path home) throws IOException {
        Path dir = home.resolve("jwt");
        Path publicPem = dir.resolve("public.pem");
        Path privatePem = dir.resolve("private.pem");
        try {
            if (!Files.exists(publicPem) || !Files.exists(privatePem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Secrets.writePrivate(
                        privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            byte[] der =
                    Base64.getMimeDecoder().decode(Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new DevKeys(publicPem, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot create or read the dev signing keys in " + dir, e);
        }
    }

    public Path publicKeyPem() {
        return publicKeyPem;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
