package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
    @TempDir
    Path home;

    @Test
    void mintsTheDemoStaffTokenByDefault() throws IOException {
        JsonObject claims = claims(TokenCommand.mint(settings(), List.of()));

        assertThat(claims.getString("tenant")).isEqualTo("demo");
        assertThat(claims.getString("sub")).isEqualTo("demo-user");
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("user");
        assertThat(claims.getJsonNumber("exp").longValue()
                        - claims.getJsonNumber("iat").longValue())
                .isEqualTo(12 * 3600);
    }

    @Test
    void takesTenantUserRolesAndLifetimeFromItsOptions() throws IOException {
        JsonObject claims = claims(TokenCommand.mint(
                settings(), List.of("--tenant", "acme", "--user=ops", "--roles", "admin,user", "--ttl", "PT5M")));

        assertThat(claims.getString("tenant")).isEqualTo("acme");
        assertThat(claims.getString("sub")).isEqualTo("ops");
        assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("admin", "user");
        assertThat(claims.getJsonNumber("exp").longValue()
                        - claims.getJsonNumber("iat").longValue())
                .isEqualTo(300);
    }

    @Test
    void rejectsAnUnknownOptionAndABadLifetime() {
        assertThatThrownBy(() -> TokenCommand.mint(settings(), List.of("--tenants", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option '--tenants'");
        assertThatThrownBy(() -> TokenCommand.mint(settings(), List.of("--ttl", "12h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
    }

    private Settings settings() {
        return Settings.of(home, Map.of("SWITCHBOARD_HOME", home.toString()));
    }

    private static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
