package org.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the launcher changes in the domain's {@code domain.xml} before the server starts, each edit once and
 * leaving alone what an operator has set differently. Most of it is issue 17's: what an idle or loaded server
 * costs in CPU and memory.
 */
final class DomainConfig {
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int SOCKET_WRITE_BUFFER_SIZE = 16384;
    /** Payara's default heap, replaced by {@link #HEAP}; any other size is an operator's and stays. */
    static final String PAYARA_DEFAULT_HEAP = "-Xmx512m";

    static final String HEAP = "-Xmx384m";
    static final String OSGI_SHELL_BUNDLES = "-Dorg.glassfish.additionalOSGiBundlesToStart=";

    private final Path config;

    DomainConfig(Path domainDir) {
        this.config = domainDir.resolve("config/domain.xml");
    }

    /** Every edit below, in one pass over the file. */
    void apply() {
        ensureCommonPoolParallelism();
        ensureSlowPerfDataSampling();
        ensureBoundedWriteQueues();
        ensureDataGridOff();
        ensureSmallerHeap();
        ensureNoOsgiShell();
        ensureNoRemoteManagementListeners();
    }

    /**
     * The JDK's HTTP client (the provider adapters) completes every {@code sendAsync} on
     * {@code CompletableFuture}'s default executor, which is a new thread per task when the common fork-join
     * pool has one thread (the JVM's default on a machine with two cores): a thread started and ended per
     * response chunk, most of the CPU of a streamed run. At least two threads keep that executor a pool.
     */
    void ensureCommonPoolParallelism() {
        ensureSystemProperty(
                COMMON_POOL_PARALLELISM,
                Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
    }

    /**
     * The JVM samples its performance counters (what {@code jstat} reads) every 50 ms by default: a wake-up twenty
     * times a second that was the largest single item of an idle server's CPU after the JIT compiler (issue 17).
     * Once a second is plenty for {@code jstat}; {@code jcmd} does not depend on it.
     */
    void ensureSlowPerfDataSampling() {
        ensureJvmOption("-XX:PerfDataSamplingInterval=", "1000");
    }

    /**
     * Gives the HTTP transport a socket write buffer size ({@value #SOCKET_WRITE_BUFFER_SIZE} bytes). Grizzly
     * queues at most four times that many bytes for a client that does not read before its writers see the
     * connection as not ready; left unset, it takes the socket's send buffer at accept time, which on loopback
     * (a proxy on the same host) is a few MB, and each small queued SSE frame pins a buffer of 8 KB: one client
     * that stopped reading during a long run could fill the heap before Switchboard saw it fall behind.
     */
    void ensureBoundedWriteQueues() {
        addAttribute("transport name=\"tcp\"", "socket-write-buffer-size", Integer.toString(SOCKET_WRITE_BUFFER_SIZE));
    }

    /**
     * Turns Payara's Domain Data Grid (an embedded Hazelcast member) off. Switchboard shares nothing through it:
     * instances coordinate through the database (leases, the routing version), its timers are not persistent and it
     * has no HTTP sessions to replicate but the console's, which stay on the instance that signed the operator in.
     * Left on, the member's own threads cost CPU every second while the server is idle and tens of MB of memory.
     */
    void ensureDataGridOff() {
        addAttribute("hazelcast-config-specific-configuration", "enabled", "false");
    }

    /**
     * A 384 MB heap instead of Payara's 512 MB. What the server keeps reachable is about 125 MB (the application,
     * Payara's modules), plus about 35 KB per open event stream: 2,000 subscribers fit with room to spare, while a
     * 512 MB heap let G1 grow into memory that held only garbage between collections (issue 17's target: at most
     * 700 MB resident under load). A heap size other than Payara's default is an operator's choice and stays.
     */
    void ensureSmallerHeap() {
        edit(domain -> domain.replace(
                "<jvm-options>" + PAYARA_DEFAULT_HEAP + "</jvm-options>", "<jvm-options>" + HEAP + "</jvm-options>"));
    }

    /**
     * Payara starts the Felix shell, the Gogo shell, a telnet shell on port 6666 and Felix's file-install watcher
     * (polling a folder every 5 s) for its OSGi console. Switchboard does not use them: their threads and classes
     * are CPU at rest and memory for nothing.
     */
    void ensureNoOsgiShell() {
        edit(domain ->
                domain.replaceAll("\\s*<jvm-options>" + Pattern.quote(OSGI_SHELL_BUNDLES) + "[^<]*</jvm-options>", ""));
    }

    /**
     * The JMX connector on port 8686 (its RMI registry, reaper and GC-daemon threads) and the two IIOP listeners
     * with TLS (which start the ORB at boot) are off: Switchboard exposes its metrics on {@code /metrics}, has no
     * remote EJBs, and {@code jcmd} reaches the JVM without either. An operator can turn them back on.
     */
    void ensureNoRemoteManagementListeners() {
        addAttribute("jmx-connector", "enabled", "false");
        addAttribute("iiop-listener(?=[^>]*id=\"SSL(?:_MUTUALAUTH)?\")", "enabled", "false");
    }

    /** Adds {@code -Dname=value} to the server's JVM options unless the domain already sets {@code name}. */
    private void ensureSystemProperty(String name, String value) {
        ensureJvmOption("-D" + name + "=", value);
    }

    /** Adds the JVM option {@code key + value} unless the domain already has an option starting with {@code key}. */
    private void ensureJvmOption(String key, String value) {
        edit(domain -> {
            if (domain.contains("<jvm-options>" + key)) {
                return domain;
            }
            Matcher javaConfig = Pattern.compile("<java-config\\b[^>]*>").matcher(domain);
            if (!javaConfig.find()) {
                throw new LaunchFailed("No <java-config> in " + config);
            }
            return domain.substring(0, javaConfig.end())
                    + "\n        <jvm-options>" + key + value + "</jvm-options>"
                    + domain.substring(javaConfig.end());
        });
    }

    /** Adds {@code name="value"} to every element matching {@code element} (a regex) that has no {@code name}. */
    private void addAttribute(String element, String name, String value) {
        Pattern untouched = Pattern.compile("<(" + element + ")(?![^>]*\\s" + name + "=)");
        edit(domain -> untouched.matcher(domain).replaceAll("<$1 " + name + "=\"" + value + "\""));
    }

    private void edit(UnaryOperator<String> change) {
        try {
            String domain = Files.readString(config);
            String changed = change.apply(domain);
            if (!changed.equals(domain)) {
                Files.writeString(config, changed);
            }
        } catch (IOException e) {
            throw new LaunchFailed("Could not configure " + config + ": " + e.getMessage(), e);
        }
    }
}
