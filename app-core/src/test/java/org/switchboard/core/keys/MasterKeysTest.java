package org.switchboard.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AES-256-GCM sealing of provider keys under master keys, rotation, and how keys are masked. */
class MasterKeysTest {
    private static final String SECRET = "sk-proj-Zq7tW2mXc9Lr4VbN8yKa1Hd3";
    private static final byte[] ROW_1 = "provider_keys:1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_2 = "provider_keys:2".getBytes(StandardCharsets.UTF_8);
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private final String current = MasterKeys.generate();
    private final MasterKeys keys = new MasterKeys(current, List.of());

    private static String base64(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aSealedSecretOpensToItself() {
        byte[] sealed = keys.seal(SECRET, ROW_1);

        assertThat(keys.open(sealed, ROW_1, keys.currentId())).isEqualTo(SECRET);
        assertThat(sealed).hasSize(IV_BYTES + SECRET.length() + TAG_BYTES);
    }

    @Test
    void nonAsciiAndEmptySecretsRoundTrip() {
        for (String secret : List.of("", "κλειδί-🔑", " spaced ")) {
            assertThat(keys.open(keys.seal(secret, ROW_1), ROW_1, keys.currentId()))
                    .isEqualTo(secret);
        }
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() {
        byte[] sealed = keys.seal(SECRET, ROW_1);

        assertThat(contains(sealed, SECRET.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(sealed, "Zq7tW2mXc9".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(contains(sealed, ROW_1)).isFalse();
        assertThat(contains(SECRET.getBytes(StandardCharsets.UTF_8), "Zq7tW2mXc9".getBytes(StandardCharsets.UTF_8)))
                .as("the search itself works")
                .isTrue();
    }

    @Test
    void twoSealsOfTheSameSecretDiffer() {
        byte[] first = keys.seal(SECRET, ROW_1);
        byte[] second = keys.seal(SECRET, ROW_1);

        assertThat(second).isNotEqualTo(first);
        assertThat(Arrays.copyOf(second, IV_BYTES)).as("a fresh IV").isNotEqualTo(Arrays.copyOf(first, IV_BYTES));
        assertThat(keys.open(first, ROW_1, keys.currentId())).isEqualTo(SECRET);
        assertThat(keys.open(second, ROW_1, keys.currentId())).isEqualTo(SECRET);
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        byte[] sealed = keys.seal(SECRET, ROW_1);

        assertThatThrownBy(() -> keys.open(sealed, ROW_2, keys.currentId()))
                .isInstanceOf(KeyUnavailable.class)
                .hasMessage("A provider key does not open under its master key (tampered or wrong row)");
    }

    @Test
    void anyTamperedByteFailsToOpen() {
        byte[] sealed = keys.seal(SECRET, ROW_1);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThatThrownBy(() -> keys.open(tampered, ROW_1, keys.currentId()))
                    .as("byte %d flipped", at)
                    .isInstanceOf(KeyUnavailable.class);
        }
    }

    @Test
    void aCiphertextMissingPartOfItsTagFailsToOpen() {
        byte[] sealed = keys.seal(SECRET, ROW_1);

        for (int cut = 1; cut <= TAG_BYTES; cut++) {
            byte[] truncated = Arrays.copyOf(sealed, sealed.length - cut);
            assertThatThrownBy(() -> keys.open(truncated, ROW_1, keys.currentId()))
                    .as("%d bytes cut", cut)
                    .isInstanceOf(KeyUnavailable.class);
        }
    }

    @Test
    void aCiphertextShorterThanItsIvAndTagFailsAsUnavailable() {
        for (int length = 0; length < IV_BYTES + TAG_BYTES; length++) {
            byte[] stub = new byte[length];
            assertThatThrownBy(() -> keys.open(stub, ROW_1, keys.currentId()))
                    .as("%d bytes", length)
                    .isInstanceOf(KeyUnavailable.class);
        }
    }

    @Test
    void anotherMasterKeyDoesNotOpenEvenUnderTheSameId() {
        byte[] sealed = keys.seal(SECRET, ROW_1);
        MasterKeys other = new MasterKeys(MasterKeys.generate(), List.of());

        assertThatThrownBy(() -> other.open(sealed, ROW_1, keys.currentId()))
                .isInstanceOf(KeyUnavailable.class)
                .hasMessageContaining(keys.currentId())
                .hasMessageContaining("is not configured");
    }

    @Test
    void aRotatedKeyStillOpensWhenItsOldMasterKeyIsConfiguredAsPrevious() {
        String old = MasterKeys.generate();
        MasterKeys before = new MasterKeys(old, List.of());
        byte[] sealedBefore = before.seal(SECRET, ROW_1);
        String oldId = before.currentId();

        MasterKeys rotated = new MasterKeys(MasterKeys.generate(), List.of(" " + old + "\n"));
        assertThat(rotated.currentId()).isNotEqualTo(oldId);
        assertThat(rotated.open(sealedBefore, ROW_1, oldId)).isEqualTo(SECRET);
        byte[] resealed = rotated.seal(SECRET, ROW_1);
        assertThat(rotated.open(resealed, ROW_1, rotated.currentId())).isEqualTo(SECRET);
        assertThatThrownBy(() -> before.open(resealed, ROW_1, rotated.currentId()))
                .isInstanceOf(KeyUnavailable.class);

        MasterKeys forgotten = new MasterKeys(MasterKeys.generate(), List.of());
        assertThatThrownBy(() -> forgotten.open(sealedBefore, ROW_1, oldId))
                .isInstanceOf(KeyUnavailable.class)
                .hasMessageContaining(oldId);
    }

    @Test
    void theKeyIdIsTheFirstEightHexDigitsOfItsSha256() throws Exception {
        String allSevens = base64(32, 7);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(Base64.getDecoder().decode(allSevens));

        assertThat(new MasterKeys(allSevens, List.of()).currentId())
                .isEqualTo(java.util.HexFormat.of().formatHex(digest, 0, 4))
                .matches("[0-9a-f]{8}");
        assertThat(new MasterKeys(allSevens, List.of(base64(32, 8))).currentId())
                .isEqualTo(new MasterKeys(allSevens, List.of()).currentId());
    }

    @Test
    void generatedMasterKeysAre32RandomBytes() {
        String one = MasterKeys.generate();

        assertThat(Base64.getDecoder().decode(one)).hasSize(32);
        assertThat(MasterKeys.generate()).isNotEqualTo(one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "@@@@", "a"})
    void aMasterKeyThatIsNotBase64IsRejected(String key) {
        assertThatThrownBy(() -> new MasterKeys(key, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A master key must be base64 (32 random bytes)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void aMasterKeyOfTheWrongLengthIsRejected(int length) {
        assertThatThrownBy(() -> new MasterKeys(base64(length, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A master key must be 32 bytes (AES-256), base64-encoded");
    }

    @Test
    void anInvalidPreviousMasterKeyIsRejectedToo() {
        assertThatThrownBy(() -> new MasterKeys(current, List.of(base64(16, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A master key must be 32 bytes (AES-256), base64-encoded");
        assertThatThrownBy(() -> new MasterKeys(current, List.of("%%%"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMasterKeyNeverAppearsInItsErrors() {
        String wrongLength = base64(31, 0x41);
        assertThatThrownBy(() -> new MasterKeys(wrongLength, List.of())).hasMessageNotContaining(wrongLength);
    }

    // ---------------------------------------------------------------- mask

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sk-proj-Zq7tW2mXc9Lr4VbN8yKa1Hd3 | sk-…1Hd3",
                "sk-abcdefghi                     | sk-…fghi",
                "AKIAIOSFODNN7EXAMPLE             | AK…MPLE",
                "0123456789ab                     | 01…89ab",
                "0123456789a                      | …9a",
                "12345                            | …45",
                "1234                             | …",
                "x                                | …",
            })
    void masksShowAHintOfThePrefixAndTheLastCharacters(String key, String mask) {
        assertThat(MasterKeys.mask(key)).isEqualTo(mask);
    }

    @Test
    void surroundingWhitespaceIsNotPartOfTheKey() {
        assertThat(MasterKeys.mask("  sk-proj-Zq7tW2mXc9Lr4VbN8yKa1Hd3\n")).isEqualTo("sk-…1Hd3");
        assertThat(MasterKeys.mask("")).isEqualTo("…");
    }

    @Test
    void aMaskNeverRevealsMoreThanTheLastFourCharactersAndShortKeysAtMostTwo() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int length = 1; length <= 64; length++) {
            for (String start : List.of("", "sk-")) {
                String key = (start + alphabet.repeat(2)).substring(0, Math.max(length, 0));
                if (key.isEmpty()) {
                    continue;
                }
                String mask = MasterKeys.mask(key);
                int ellipsis = mask.indexOf('…');
                assertThat(ellipsis).as("mask of %s", key).isNotNegative();
                String shownPrefix = mask.substring(0, ellipsis);
                String shownSuffix = mask.substring(ellipsis + 1);
                assertThat(key)
                        .as("mask %s of %s", mask, key)
                        .startsWith(shownPrefix)
                        .endsWith(shownSuffix);
                assertThat(shownSuffix.length()).as("suffix of %s", key).isLessThanOrEqualTo(key.length() < 12 ? 2 : 4);
                if (key.length() < 12) {
                    assertThat(shownPrefix).as("prefix of %s", key).isEmpty();
                } else {
                    assertThat(shownPrefix).as("prefix of %s", key).isIn("sk-", key.substring(0, 2));
                }
                assertThat(shownPrefix.length() + shownSuffix.length())
                        .as("at most half of %s is shown", key)
                        .isLessThanOrEqualTo(Math.max(0, key.length() / 2 + 1));
            }
        }
    }
}
