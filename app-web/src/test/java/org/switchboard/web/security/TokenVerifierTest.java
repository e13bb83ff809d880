package org.switchboard.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.tenants.entity.Caller;

/** Verified tokens are remembered by their exact text, and never past their expiry. */
class TokenVerifierTest {
    private static KeyPair keys;

    @TempDir
    static Path folder;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void aRememberedTokenIsAcceptedAgainButATamperedCopyIsNot() throws Exception {
        TokenVerifier verifier = verifier(Duration.ofSeconds(60));
        String token =
                sign("{\"iss\":\"switchboard\",\"aud\":\"switchboard\",\"sub\":\"ada\",\"tenant\":\"demo\",\"iat\":"
                        + now() + ","
                        + "\"groups\":[\"user\"],\"exp\":"
                        + Instant.now().plusSeconds(600).getEpochSecond() + "}");

        Caller first = verifier.verify(token);
        assertThat(verifier.verify(token)).isEqualTo(first);
        assertThat(first.tenant()).isEqualTo("demo");
        assertThat(first.user()).isEqualTo("ada");

        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + encode("{\"iss\":\"switchboard\",\"aud\":\"switchboard\",\"sub\":\"ada\",\"iat\":" + now() + ","
                        + "\"tenant\":\"other\",\"groups\":[\"admin\"],\"exp\":"
                        + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(TokenVerifier.InvalidToken.class);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        TokenVerifier verifier = verifier(Duration.ZERO);
        Instant expiry = Instant.now().plusSeconds(2);
        String token =
                sign("{\"iss\":\"switchboard\",\"aud\":\"switchboard\",\"sub\":\"ada\",\"tenant\":\"demo\",\"iat\":"
                        + now() + "," + "\"exp\":" + expiry.getEpochSecond() + "}");

        assertThat(verifier.verify(token).user()).isEqualTo("ada");

        // Time has to pass the expiry (there is no event to wait for); exp has whole seconds, hence the margin.
        Thread.sleep(Duration.between(Instant.now(), expiry).toMillis() + 1200);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InvalidToken.class);
    }

    private static TokenVerifier verifier(Duration clockSkew) throws Exception {
        Path pem = folder.resolve("public-" + clockSkew.toSeconds() + ".pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        TokenVerifier verifier = new TokenVerifier();
        verifier.publicKeyLocation = Optional.of(pem.toString());
        verifier.issuer = "switchboard";
        verifier.audience = "switchboard";
        verifier.clockSkew = clockSkew;
        verifier.init();
        return verifier;
    }

    private static String sign(String claims) throws Exception {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
