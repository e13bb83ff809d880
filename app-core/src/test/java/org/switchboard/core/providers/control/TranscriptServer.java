package org.switchboard.core.providers.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP fake of an LLM provider for adapter tests: answers a path with a recorded wire transcript
 * (a test resource holding the exact bytes the provider's documentation shows), streamed event by event
 * (split at blank lines, flushed, a few milliseconds apart), or with an error status. Records every request.
 */
final class TranscriptServer implements AutoCloseable {
    /** One request as the fake received it. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** What the fake answers on a path. */
    record Reply(int status, String contentType, String body, Map<String, String> headers, boolean chunked) {
        /** Streams the transcript resource {@code /transcripts/<name>} as text/event-stream. */
        static Reply transcript(String name) {
            return new Reply(200, "text/event-stream", resource(name), Map.of(), true);
        }

        static Reply status(int status, String jsonBody) {
            return new Reply(status, "application/json", jsonBody, Map.of(), false);
        }

        static Reply json(String jsonBody) {
            return new Reply(200, "application/json", jsonBody, Map.of(), false);
        }

        Reply withHeader(String name, String value) {
            var all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, contentType, body, Map.copyOf(all), chunked);
        }
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TranscriptServer(HttpServer server) {
        this.server = server;
    }

    static TranscriptServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TranscriptServer fake = new TranscriptServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    TranscriptServer answer(String path, Reply reply) {
        replies.put(path, reply);
        return this;
    }

    List<Received> requests() {
        return List.copyOf(received);
    }

    Received lastRequest(String path) {
        return received.stream()
                .filter(r -> r.path().equals(path))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no request to " + path + "; got " + received));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(
                    new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = replies.get(path);
            if (reply == null) {
                reply = Reply.status(404, "{\"error\":{\"message\":\"no transcript for " + path + "\"}}");
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            if (!reply.chunked()) {
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            exchange.sendResponseHeaders(reply.status(), 0);
            OutputStream out = exchange.getResponseBody();
            for (String event : reply.body().split("(?<=\n\n)")) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String resource(String name) {
        try (InputStream in = TranscriptServer.class.getResourceAsStream("/transcripts/" + name)) {
            return new String(
                    Objects.requireNonNull(in, "missing transcript " + name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
