package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading its event stream holds up nobody else: every run's events reach every other
 * subscriber on time, the stalled client loses its stream once it is too far behind, and it resumes with
 * {@code Last-Event-ID} without losing anything.
 */
class SlowClientIT extends SwitchboardDeployment {
    private static final int CHUNKS = 1200;
    private static final int CHUNK_CHARS = 10_000;
    /** A tenant of its own on every run: the providers and policy it creates would collide with a kept database. */
    private final String tenant = "slow-" + UUID.randomUUID().toString().substring(0, 8);

    private final String token = TestStack.token(tenant, "reader", "user");
    private final String admin = TestStack.token(tenant, "ops", "admin");
    private HttpServer upstream;

    /**
     * An OpenAI-compatible upstream that streams 12 MB as fast as it can, in chunks of 10,000 characters: more
     * than the kernel's socket buffers (up to 4 MB), the container's write queue and the stream's 1 MiB backlog hold.
     */
    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < CHUNKS; i++) {
                    String content = String.format("%05d", i) + "y".repeat(CHUNK_CHARS - 5);
                    out.write(chunk("{\"content\":\"" + content + "\"}", "null").getBytes(StandardCharsets.UTF_8));
                }
                out.write(chunk("{}", "\"stop\"").getBytes(StandardCharsets.UTF_8));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        upstream.start();
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bulky\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void aClientThatStopsReadingHoldsUpNoOtherStreamAndResumesWithoutLoss() throws Exception {
        Admin.createProvider(
                admin,
                "bulky-upstream",
                "openai",
                "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1",
                Json.createObjectBuilder().build());
        Admin.createPolicy(
                admin,
                "bulky",
                "priority",
                Json.createArrayBuilder()
                        .add(Admin.target("bulky-upstream", "bulky"))
                        .build(),
                Json.createObjectBuilder().build());
        var submitted =
                Runs.submit(token, Runs.body("async", "a very long answer").add("model", "bulky"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String longRun = Api.json(submitted.body()).getString("id");
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress(
                    TestStack.baseUri().getHost(), TestStack.baseUri().getPort()));
            stalled.getOutputStream()
                    .write(("GET /api/v1/runs/" + longRun + "/events HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            // ... and reads nothing: within a few seconds its socket buffers and the server's write queue are full
            // (a fixed wait on purpose: the scenario is a client that stalls that long; there is nothing to poll)
            Thread.sleep(3000);

            String other = Runs.start(token, "meanwhile", "X-Simulator-Tokens", "10", "X-Simulator-Delay-Ms", "0");
            long started = System.nanoTime();
            List<SseClient.Event> otherEvents;
            try (SseClient client = SseClient.events(other, token, null)) {
                otherEvents = client.rest();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("another client's whole stream, while one client does not read")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(otherEvents.get(otherEvents.size() - 1).type()).isEqualTo("done");
            List<SseClient.Event> seen = events(readToEnd(stalled.getInputStream()));
            assertThat(seen)
                    .as("what the stalled client got before it lost its stream")
                    .isNotEmpty();
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).id()).isEqualTo(i + 1);
            }
            assertThat(seen.get(seen.size() - 1).type())
                    .as("the stream of a client too far behind is dropped before its end")
                    .isNotEqualTo("done");

            try (SseClient resumed = SseClient.events(
                    longRun, token, Integer.toString(seen.get(seen.size() - 1).id()))) {
                List<SseClient.Event> rest = resumed.rest();
                assertThat(rest.get(0).id()).isEqualTo(seen.size() + 1);
                seen.addAll(rest);
            }
            // the resumed stream follows the run to its end, with no polling (each poll would carry its 12 MB output)
            SseClient.Event last = seen.get(seen.size() - 1);
            assertThat(last.type()).as("the run's last event: %s", last.data()).isEqualTo("done");
            JsonObject run = Runs.get(longRun, token);
            assertThat(run.getString("status")).isEqualTo("completed");
            String output = run.getString("output");
            assertThat(output)
                    .hasSize(CHUNKS * CHUNK_CHARS)
                    .startsWith("00000y")
                    .endsWith(String.format("%05d", CHUNKS - 1) + "y".repeat(CHUNK_CHARS - 5));
            assertThat(Runs.text(seen)).isEqualTo(output);
        }
    }

    /** Everything the server sends until it closes the connection (or resets it, after its write timeout). */
    private static byte[] readToEnd(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the server gave up on the connection: what arrived before counts
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] bytes, String ascii, int from) {
        outer:
        for (int i = from; i <= bytes.length - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The complete SSE events in a raw HTTP/1.1 chunked response. */
    private static List<SseClient.Event> events(byte[] response) {
        String head = new String(response, 0, indexOf(response, "\r\n\r\n", 0), StandardCharsets.US_ASCII);
        assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("chunked");
        var body = new ByteArrayOutputStream();
        int at = head.length() + 4;
        for (int lineEnd = indexOf(response, "\r\n", at); lineEnd >= 0; lineEnd = indexOf(response, "\r\n", at)) {
            int size = Integer.parseInt(new String(response, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            int start = lineEnd + 2;
            body.write(response, start, Math.min(size, response.length - start));
            if (size == 0 || start + size >= response.length) {
                break;
            }
            at = start + size + 2;
        }
        String text = body.toString(StandardCharsets.UTF_8);
        List<SseClient.Event> events = new ArrayList<>();
        int from = 0;
        for (int end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n", from)) {
            Integer id = null;
            String type = "message";
            String data = null;
            for (String line : text.substring(from, end).split("\n")) {
                if (line.startsWith("id: ")) {
                    id = Integer.valueOf(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (data != null) {
                events.add(new SseClient.Event(id, type, data, 0));
            }
            from = end + 2;
        }
        return events;
    }
}
