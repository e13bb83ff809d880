package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the deployed application, as any client would talk to it. */
public final class Api {
    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Api() {}

    public static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(TestStack.baseUri().resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public static HttpResponse<String> postJson(String path, String token, String json, String... headers) {
        HttpRequest.Builder builder = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    public static String chat(String model, boolean stream, String prompt) {
        return Json.createObjectBuilder()
                .add("model", model)
                .add("stream", stream)
                .add(
                        "messages",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("role", "user")
                                        .add("content", prompt)))
                .build()
                .toString();
    }

    public static URI uri(String path) {
        return TestStack.baseUri().resolve(path);
    }
}
