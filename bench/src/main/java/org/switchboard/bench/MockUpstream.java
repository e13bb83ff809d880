package org.switchboard.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A fast OpenAI-compatible upstream: {@code POST /v1/chat/completions} streams {@code tokens} chunks
 * {@code delayMillis} apart, then a usage chunk and {@code [DONE]}. One thread per open stream: the mock's
 * own cost is the same for the direct baseline and for Switchboard.
 */
public final class MockUpstream implements AutoCloseable {
    private final HttpServer server;
    private final int tokens;
    private final long delayMillis;

    public MockUpstream(int port, int tokens, long delayMillis) throws IOException {
        this.tokens = tokens;
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(1024));
        server.createContext("/v1/chat/completions", this::stream);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String head =
                    "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench-model\",";
            for (int i = 0; i < tokens; i++) {
                sleep();
                write(
                        out,
                        head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok" + i
                                + "\"},\"finish_reason\":null}]}\n\n");
            }
            write(out, head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            write(
                    out,
                    head + "\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":" + tokens
                            + ",\"total_tokens\":" + (tokens + 8) + "}}\n\n");
            write(out, "data: [DONE]\n\n");
        } catch (IOException e) {
            // the client went away: nothing more to send
        }
    }

    private void sleep() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
