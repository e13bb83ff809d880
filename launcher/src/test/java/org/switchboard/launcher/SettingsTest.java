package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsToTheLocalDataDirectoryAndTheEmbeddedDatabase() {
        Settings settings = Settings.of(ROOT, Map.of());

        assertThat(settings.home()).isEqualTo(Path.of("/repo/.switchboard"));
        assertThat(settings.dbPort()).isEqualTo(3307);
        assertThat(settings.externalDatabase()).isEmpty();
        assertThat(settings.payaraHome()).isEqualTo(Path.of("/repo/launcher/target/payara/payara6"));
        assertThat(settings.ear()).isEqualTo(Path.of("/repo/app-ear/target/switchboard.ear"));
    }

    @Test
    void passesAnExternalDatabaseThroughAsGiven() {
        Settings settings = Settings.of(
                ROOT,
                Map.of(
                        "SWITCHBOARD_DB_URL", "jdbc:mysql://db.example:3306/switchboard",
                        "SWITCHBOARD_DB_USER", "gateway"));

        assertThat(settings.externalDatabase().orElseThrow().environment())
                .containsExactly(
                        Map.entry("SWITCHBOARD_DB_URL", "jdbc:mysql://db.example:3306/switchboard"),
                        Map.entry("SWITCHBOARD_DB_USER", "gateway"));
    }

    @Test
    void takesHomeAndDatabasePortFromTheEnvironment() {
        Settings settings = Settings.of(ROOT, Map.of("SWITCHBOARD_HOME", "/data/sb", "SWITCHBOARD_DB_PORT", "3399"));

        assertThat(settings.home()).isEqualTo(Path.of("/data/sb"));
        assertThat(settings.dbPort()).isEqualTo(3399);
    }
}
