package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayaraServerTest {
    private static final String DOMAIN =
            """
            <domain>
              <configs>
                <config name="server-config">
                  <java-config classpath-suffix="" system-classpath="">
                    <jvm-options>-Xmx512m</jvm-options>
                  </java-config>
                </config>
                <config name="default-config">
                  <java-config classpath-suffix="">
                    <jvm-options>-Xmx512m</jvm-options>
                  </java-config>
                </config>
              </configs>
            </domain>
            """;

    @TempDir
    Path home;

    @Test
    void theServerConfigGetsACommonPoolOfAtLeastTwoThreadsOnce() throws IOException {
        Path config = home.resolve("glassfish/domains/domain1/config/domain.xml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, DOMAIN);
        var server = new PayaraServer(home);

        server.ensureCommonPoolParallelism();
        server.ensureCommonPoolParallelism();

        String domain = Files.readString(config);
        int expected = Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
        String option =
                "<jvm-options>-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + expected + "</jvm-options>";
        assertThat(domain.split(java.util.regex.Pattern.quote(option), -1)).hasSize(2);
        assertThat(domain.indexOf(option))
                .isGreaterThan(domain.indexOf("server-config"))
                .isLessThan(domain.indexOf("default-config"));
        assertThat(domain.replace("\n        " + option, "")).isEqualTo(DOMAIN);
    }
}
