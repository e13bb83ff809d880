package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Problems.assertProblem;

import io.smallrye.jwt.build.Jwt;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every API call needs a valid bearer JWT; anything else is a 401 problem. */
class AuthenticationIT extends SwitchboardDeployment {
    private static HttpResponse<String> models(String authorization) {
        var request = Api.request("/v1/models", null);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Api.send(request.GET().build());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aValidTokenIsAccepted() {
        assertThat(models("Bearer " + TestStack.token("demo", "auth-user", "user"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMissingTokenIs401() {
        assertUnauthorized(models(null));
        assertUnauthorized(Api.postJson("/v1/chat/completions", null, Api.chat("sim", false, "x")));
    }

    @Test
    void aMalformedTokenIs401() {
        assertUnauthorized(models("Bearer not-a-jwt"));
        assertUnauthorized(models("Basic YWRtaW46YWRtaW4="));
    }

    @Test
    void aTamperedTokenIs401() {
        String token = TestStack.token("demo", "auth-user", "user");
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"demo\"", "\"other\"")
                        .getBytes());
        assertUnauthorized(models("Bearer " + parts[0] + "." + forgedClaims + "." + parts[2]));
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwt.issuer("switchboard")
                .audience("switchboard")
                .subject("auth-user")
                .claim("tenant", "demo")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(TestStack.keys().privateKey());
        assertUnauthorized(models("Bearer " + expired));
    }

    @Test
    void aWrongIssuerOrAudienceIs401() {
        var key = TestStack.keys().privateKey();
        assertUnauthorized(models("Bearer "
                + Jwt.issuer("someone-else")
                        .audience("switchboard")
                        .subject("u")
                        .claim("tenant", "demo")
                        .sign(key)));
        assertUnauthorized(models("Bearer "
                + Jwt.issuer("switchboard")
                        .audience("another-api")
                        .subject("u")
                        .claim("tenant", "demo")
                        .sign(key)));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = Jwt.issuer("switchboard")
                .audience("switchboard")
                .subject("u")
                .claim("tenant", "demo")
                .groups(Set.of("admin"))
                .sign(generator.generateKeyPair().getPrivate());
        assertUnauthorized(models("Bearer " + foreign));
    }

    @Test
    void aTokenWithoutTenantIs401() {
        String noTenant = Jwt.issuer("switchboard")
                .audience("switchboard")
                .subject("u")
                .sign(TestStack.keys().privateKey());
        assertUnauthorized(models("Bearer " + noTenant));
    }
}
