package org.switchboard.launcher;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/** Mints staff JWTs the server accepts: issuer and audience {@code switchboard}, a tenant claim, roles as groups. */
public final class DevTokens {
    public static final String ISSUER = "switchboard";
    public static final String AUDIENCE = "switchboard";

    private DevTokens() {}

    public static String mint(PrivateKey key, String tenant, String user, Set<String> roles, Duration ttl) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user)
                .upn(user)
                .claim("tenant", tenant)
                .groups(roles)
                .expiresIn(ttl)
                .sign(key);
    }
}
