package org.switchboard.core.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's master keys, from {@code switchboard.keys.master-key} (base64, e.g. the environment
 * variable {@code SWITCHBOARD_KEYS_MASTER_KEY}) or {@code switchboard.keys.master-key-file} (a file holding
 * it), plus previous ones for rotation ({@code switchboard.keys.previous-master-keys}, comma-separated, or
 * {@code ...previous-master-key-files}). Without a master key, provider keys can be neither stored nor used.
 */
@ApplicationScoped
public class KeyVault {
    @Inject
    @ConfigProperty(name = "switchboard.keys.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "switchboard.keys.master-key-file")
    Optional<String> masterKeyFile;

    @Inject
    @ConfigProperty(name = "switchboard.keys.previous-master-keys")
    Optional<String> previousKeys;

    @Inject
    @ConfigProperty(name = "switchboard.keys.previous-master-key-files")
    Optional<String> previousKeyFiles;

    private MasterKeys keys;

    @PostConstruct
    void load() {
        Optional<String> current = masterKey.filter(k -> !k.isBlank()).or(() -> masterKeyFile.map(KeyVault::read));
        if (current.isEmpty()) {
            return;
        }
        List<String> previous = new ArrayList<>(split(previousKeys));
        split(previousKeyFiles).stream().map(KeyVault::read).forEach(previous::add);
        keys = new MasterKeys(current.get(), previous);
    }

    public boolean configured() {
        return keys != null;
    }

    public String currentId() {
        return required().currentId();
    }

    public byte[] seal(String plaintext, long rowId) {
        return required().seal(plaintext, aad(rowId));
    }

    public String open(byte[] ciphertext, long rowId, String masterKeyId) {
        return required().open(ciphertext, aad(rowId), masterKeyId);
    }

    private MasterKeys required() {
        if (keys == null) {
            throw new MasterKeyMissing();
        }
        return keys;
    }

    private static byte[] aad(long rowId) {
        return ("provider_keys:" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> split(Optional<String> value) {
        return value.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file.strip())).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
        }
    }
}
