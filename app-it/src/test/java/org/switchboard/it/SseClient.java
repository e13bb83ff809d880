package org.switchboard.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal real SSE client over the JDK's HttpClient: reads events as they arrive, can hang up at any point. */
final class SseClient implements AutoCloseable {
    /** One event: its id (seq), type, data and when it arrived. */
    record Event(Integer id, String type, String data, long nanos) {}

    final HttpResponse<InputStream> response;
    private final BufferedReader reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    static SseClient open(HttpRequest request) {
        try {
            return new SseClient(Api.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SseClient events(String runId, String token, String lastEventId) {
        var request = Api.request("/api/v1/runs/" + runId + "/events", token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return open(request.GET().build());
    }

    /** The next event, or null when the server ended the stream. Comment lines (heartbeats) are collected. */
    Event next() {
        Integer id = null;
        String type = "message";
        StringBuilder data = null;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        return new Event(id, type, data.toString(), System.nanoTime());
                    }
                } else if (line.startsWith(":")) {
                    comments.add(System.nanoTime());
                } else if (line.startsWith("id: ")) {
                    id = Integer.valueOf(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null
                            ? new StringBuilder(line.substring(6))
                            : data.append('\n').append(line.substring(6));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every remaining event until the server closes the stream. */
    List<Event> rest() {
        List<Event> events = new ArrayList<>();
        for (Event event = next(); event != null; event = next()) {
            events.add(event);
        }
        return events;
    }

    final List<Long> comments = new ArrayList<>();

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // hanging up is all we wanted
        }
    }
}
