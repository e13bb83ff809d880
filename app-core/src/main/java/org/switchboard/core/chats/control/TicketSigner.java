package org.switchboard.core.chats.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.Database;

/**
 * HMAC-SHA256 over a stream ticket's fields, with a key every instance shares: {@code switchboard.chats.ticket-secret}
 * when set (a secret: from the environment only), otherwise 32 random bytes created once in table
 * {@code signing_secrets} by whichever instance needs them first ({@code INSERT IGNORE}, then read back), so a
 * ticket minted by one instance opens the stream on any other.
 */
@ApplicationScoped
public class TicketSigner {
    private static final String NAME = "stream-ticket";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "switchboard.chats.ticket-secret")
    Optional<String> configured;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private volatile byte[] key;

    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Compares in constant time, so the comparison tells nothing about how much of a forged MAC was right. */
    public boolean verify(String payload, String mac) {
        return MessageDigest.isEqual(
                sign(payload).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = configured
                    .filter(s -> !s.isBlank())
                    .map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .orElseGet(this::stored);
            key = known;
        }
        return known;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT IGNORE INTO signing_secrets (name, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, NAME);
                insert.setBytes(2, fresh);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT secret FROM signing_secrets WHERE name = ?")) {
                select.setString(1, NAME);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stream ticket key", e);
        }
    }
}
