package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.providers.control.transport.NettyTransport;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

/**
 * HTTPS through the Netty transport: the JDK's TLS with the trust it is given, and the certificate checked against
 * the host name (a certificate for {@code localhost} is refused for {@code 127.0.0.1}). The certificate is made by
 * the JDK's own {@code keytool} for the test.
 */
class NettyTlsTest {
    private static final char[] SECRET = "secret".toCharArray();
    private static HttpsServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void startHttpsUpstream(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("upstream.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "upstream",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "secret",
                        "-keypass",
                        "secret")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, SECRET);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, SECRET);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("upstream", keys.getCertificate("upstream"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(TranscriptServer.resource("openai/success.sse").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsUpstream() {
        server.stop(0);
    }

    @Test
    void streamsOverTlsWithTheHostNameChecked() {
        try (NettyTransport netty = new NettyTransport(Thread::new, 1, Duration.ofSeconds(5), trusting)) {
            OpenAiCompatible openAi = new OpenAiCompatible(null, netty);
            int port = server.getAddress().getPort();

            RecordingListener byName = new RecordingListener();
            openAi.generate(upstream("https://localhost:" + port + "/v1"), hello(), byName);
            assertThat(byName.awaitEnd()).endsWith("complete").contains("delta:Hello");

            RecordingListener byAddress = new RecordingListener();
            openAi.generate(upstream("https://127.0.0.1:" + port + "/v1"), hello(), byAddress);
            assertThat(byAddress.awaitEnd()).containsExactly("error:upstream-unreachable");
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        try (NettyTransport netty =
                new NettyTransport(Thread::new, 1, Duration.ofSeconds(5), SSLContext.getDefault())) {
            RecordingListener listener = new RecordingListener();
            new OpenAiCompatible(null, netty)
                    .generate(
                            upstream("https://localhost:" + server.getAddress().getPort() + "/v1"), hello(), listener);

            assertThat(listener.awaitEnd()).containsExactly("error:upstream-unreachable");
        }
    }

    private static Upstream upstream(String baseUrl) {
        return new Upstream(baseUrl, "sk-test", "m", null);
    }

    private static ChatRequest hello() {
        return new ChatRequest("m", List.of(new ChatMessage("user", "Hi")), 16, null, null, null, Map.of());
    }
}
