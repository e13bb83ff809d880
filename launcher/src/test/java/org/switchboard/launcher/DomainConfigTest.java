package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainConfigTest {
    private static final String DOMAIN =
            """
            <domain>
              <configs>
                <config name="server-config">
                  <hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>
                  <network-config>
                    <transports>
                      <transport name="tcp"></transport>
                    </transports>
                  </network-config>
                  <java-config classpath-suffix="" system-classpath="">
                    <jvm-options>-Xmx512m</jvm-options>
                    <jvm-options>-Dorg.glassfish.additionalOSGiBundlesToStart=org.apache.felix.shell,org.apache.felix.gogo.runtime,org.apache.felix.shell.remote,org.apache.felix.fileinstall</jvm-options>
                    <jvm-options>-Dosgi.shell.telnet.port=6666</jvm-options>
                  </java-config>
                </config>
                <config name="default-config">
                  <hazelcast-config-specific-configuration config-specific-data-grid-start-port="${HZ_LISTENER_PORT}"></hazelcast-config-specific-configuration>
                  <network-config>
                    <transports>
                      <transport name="tcp" acceptor-threads="2"></transport>
                    </transports>
                  </network-config>
                  <java-config classpath-suffix="">
                    <jvm-options>-Xmx512m</jvm-options>
                  </java-config>
                </config>
              </configs>
            </domain>
            """;

    /** Payara's listeners for remote management and IIOP, as its default domain has them. */
    private static final String LISTENERS =
            """
            <config name="server-config">
              <iiop-service>
                <iiop-listener address="0.0.0.0" port="3700" lazy-init="true" id="orb-listener-1"></iiop-listener>
                <iiop-listener address="0.0.0.0" port="3820" id="SSL" security-enabled="true"></iiop-listener>
                <iiop-listener address="0.0.0.0" port="3920" id="SSL_MUTUALAUTH" security-enabled="true"></iiop-listener>
              </iiop-service>
              <admin-service system-jmx-connector-name="system" type="das-and-server">
                <jmx-connector address="0.0.0.0" port="8686" name="system" security-enabled="false"></jmx-connector>
              </admin-service>
            </config>
            """;

    @TempDir
    Path home;

    private Path config;

    private DomainConfig server() throws IOException {
        config = home.resolve("config/domain.xml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, DOMAIN);
        return new DomainConfig(home);
    }

    @Test
    void theDataGridIsTurnedOffInEveryConfigOnce() throws IOException {
        var server = server();

        server.ensureDataGridOff();
        server.ensureDataGridOff();

        String domain = Files.readString(config);
        assertThat(domain)
                .contains(
                        "<hazelcast-config-specific-configuration enabled=\"false\"></hazelcast-config-specific-configuration>")
                .contains("<hazelcast-config-specific-configuration enabled=\"false\""
                        + " config-specific-data-grid-start-port=\"${HZ_LISTENER_PORT}\">");
        assertThat(domain.split("enabled=", -1)).hasSize(3);
    }

    @Test
    void theJvmSamplesItsPerformanceCountersOnceASecond() throws IOException {
        var server = server();

        server.ensureSlowPerfDataSampling();
        server.ensureSlowPerfDataSampling();

        assertThat(Files.readString(config).split("<jvm-options>-XX:PerfDataSamplingInterval=1000</jvm-options>", -1))
                .hasSize(2);
    }

    @Test
    void everyHttpTransportGetsABoundedSocketWriteBufferOnce() throws IOException {
        var server = server();

        server.ensureBoundedWriteQueues();
        server.ensureBoundedWriteQueues();

        String domain = Files.readString(config);
        assertThat(domain)
                .contains("<transport name=\"tcp\" socket-write-buffer-size=\"16384\"></transport>")
                .contains("<transport name=\"tcp\" socket-write-buffer-size=\"16384\" acceptor-threads=\"2\">");
        assertThat(domain.split("socket-write-buffer-size", -1)).hasSize(3);
        assertThat(domain.replace(" socket-write-buffer-size=\"16384\"", "")).isEqualTo(DOMAIN);
    }

    @Test
    void aWriteBufferSizeAnOperatorSetIsKept() throws IOException {
        var server = server();
        Files.writeString(
                config,
                DOMAIN.replace(
                        "<transport name=\"tcp\">", "<transport name=\"tcp\" socket-write-buffer-size=\"65536\">"));

        server.ensureBoundedWriteQueues();

        String domain = Files.readString(config);
        assertThat(domain).contains("<transport name=\"tcp\" socket-write-buffer-size=\"65536\"></transport>");
        assertThat(domain.split("socket-write-buffer-size", -1))
                .as("the other transport, which had none, gets one")
                .hasSize(3);
    }

    @Test
    void theServerConfigGetsACommonPoolOfAtLeastTwoThreadsOnce() throws IOException {
        var server = server();

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

    @Test
    void theHeapIs384MbUnlessAnOperatorChoseOtherwise() throws IOException {
        var server = server();

        server.ensureSmallerHeap();
        server.ensureSmallerHeap();

        String domain = Files.readString(config);
        assertThat(domain).doesNotContain("-Xmx512m");
        assertThat(domain.split("<jvm-options>-Xmx384m</jvm-options>", -1)).hasSize(3);

        Files.writeString(config, DOMAIN.replace("-Xmx512m", "-Xmx2g"));
        server.ensureSmallerHeap();
        assertThat(Files.readString(config)).isEqualTo(DOMAIN.replace("-Xmx512m", "-Xmx2g"));
    }

    @Test
    void theOsgiShellsAreNotStarted() throws IOException {
        var server = server();

        server.ensureNoOsgiShell();

        String domain = Files.readString(config);
        assertThat(domain).doesNotContain("additionalOSGiBundlesToStart");
        assertThat(domain)
                .as("only that option goes, with its line")
                .isEqualTo(DOMAIN.replaceAll("\\n *<jvm-options>-Dorg\\.glassfish\\.additionalOSGi[^\\n]*", ""));
    }

    @Test
    void theJmxConnectorAndTheOrbsTlsListenersAreOffOnceAndTheLazyListenerStays() throws IOException {
        var server = server();
        Files.writeString(config, LISTENERS);

        server.ensureNoRemoteManagementListeners();
        server.ensureNoRemoteManagementListeners();

        String domain = Files.readString(config);
        assertThat(domain)
                .contains("<jmx-connector enabled=\"false\" address=\"0.0.0.0\" port=\"8686\"")
                .contains("<iiop-listener enabled=\"false\" address=\"0.0.0.0\" port=\"3820\" id=\"SSL\"")
                .contains("<iiop-listener enabled=\"false\" address=\"0.0.0.0\" port=\"3920\" id=\"SSL_MUTUALAUTH\"")
                .contains("<iiop-listener address=\"0.0.0.0\" port=\"3700\" lazy-init=\"true\" id=\"orb-listener-1\">");
        assertThat(domain.split(" enabled=\"false\"", -1)).hasSize(4);

        Files.writeString(
                config, LISTENERS.replace("<jmx-connector address", "<jmx-connector enabled=\"true\" address"));
        server.ensureNoRemoteManagementListeners();
        assertThat(Files.readString(config)).contains("<jmx-connector enabled=\"true\" address");
    }
}
