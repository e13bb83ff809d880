package org.switchboard.web.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.switchboard.core.tenants.entity.Caller;

/** Verifies staff JWTs and turns their claims into a {@link Caller}. */
@ApplicationScoped
public class TokenVerifier {
    static final String TENANT_CLAIM = "tenant";

    @Inject
    @ConfigProperty(name = "switchboard.jwt.public-key-location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.audience")
    String audience;

    private static final int MAX_CACHED = 10_000;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.clock-skew")
    Duration clockSkew;

    /**
     * Tokens already verified, by their exact text, until their {@code exp}: an RSA signature check on every
     * request cost more CPU than the rest of a streamed request's handling. Bounded; never past expiry.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private JWTParser parser;

    private record Verified(Caller caller, long expiresAtSecond) {}

    @PostConstruct
    void init() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(publicKey(), issuer);
        info.setExpectedAudience(Set.of(audience));
        info.setClockSkew((int) clockSkew.toSeconds());
        info.setExpGracePeriodSecs((int) clockSkew.toSeconds());
        parser = new DefaultJWTParser(info);
    }

    /** The caller the token speaks for; a token that is not valid for us raises {@link InvalidToken}. */
    public Caller verify(String token) {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAtSecond()) {
                return known.caller();
            }
            verified.remove(token);
        }
        if (parser == null) {
            throw new InvalidToken("Token verification is not configured on this server");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new InvalidToken("The bearer token is not valid: signature, issuer, audience or expiry check failed");
        }
        Object tenant = jwt.getClaim(TENANT_CLAIM);
        String user = jwt.getName();
        if (!(tenant instanceof String) && !(tenant instanceof jakarta.json.JsonString) || user == null) {
            throw new InvalidToken("The bearer token lacks the 'tenant' or subject claim");
        }
        String tenantId = tenant instanceof jakarta.json.JsonString js ? js.getString() : (String) tenant;
        Caller caller;
        try {
            caller = new Caller(tenantId, user, jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        } catch (IllegalArgumentException e) { // a tenant id no tenant may have (the platform scope's)
            throw new InvalidToken("The bearer token's 'tenant' claim is not a tenant id");
        }
        if (jwt.getExpirationTime() + clockSkew.toSeconds() > now) {
            if (verified.size() >= MAX_CACHED) {
                verified.clear(); // crude but bounded; the next requests verify again
            }
            verified.put(token, new Verified(caller, jwt.getExpirationTime() + clockSkew.toSeconds()));
        }
        return caller;
    }

    private PublicKey publicKey() {
        if (publicKeyLocation.isEmpty()) {
            return null;
        }
        try {
            String pem = Files.readString(Path.of(publicKeyLocation.get()));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the JWT public key at " + publicKeyLocation.get(), e);
        }
    }

    /** The presented token cannot be accepted; the detail is safe to show the caller. */
    public static class InvalidToken extends RuntimeException {
        public InvalidToken(String message) {
            super(message);
        }
    }
}
