package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void returnsOnceTheHealthCheckAnswers200() throws IOException {
        URI uri = serve(2);

        assertThatCode(() -> new ReadinessProbe(uri).await(Duration.ofSeconds(10), "server.log"))
                .doesNotThrowAnyException();
    }

    @Test
    void failsAfterTheTimeoutWithTheLastAnswerAndWhereToLook() throws IOException {
        URI uri = serve(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new ReadinessProbe(uri).await(Duration.ofSeconds(1), "domain1/logs/server.log"))
                .isInstanceOf(LaunchFailed.class)
                .hasMessageContaining("did not become ready within 1 s")
                .hasMessageContaining("HTTP 503 {\"status\":\"DOWN\"}")
                .hasMessageContaining("See domain1/logs/server.log");
    }

    /** A health endpoint that answers 503 to the first {@code downAnswers} requests, then 200. */
    private URI serve(int downAnswers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", exchange -> {
            boolean up = calls.incrementAndGet() > downAnswers;
            byte[] body = (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready");
    }
}
