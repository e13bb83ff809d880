package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed webhook deliveries with retries; callbacks to non-public addresses are refused. */
class WebhooksIT extends SwitchboardDeployment {
    private final String admin = TestStack.token("hooks", "hook-admin", "user", "admin");
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    record Delivery(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow()
                    .getValue()
                    .get(0);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Delivery(
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String callback() {
        return "http://localhost:" + receiver.getAddress().getPort() + "/hook";
    }

    private static boolean verifies(String secret, Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed =
                delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + "." + delivery.body();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(delivery.header("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void aReceiverGetsASignedSummaryWhenTheRunEnds() throws Exception {
        String secret =
                Api.json(Api.get("/api/v1/webhooks/secret", admin).body()).getString("secret");
        var response = Runs.submit(
                admin, Runs.body("async", "call me back").add("callback_url", callback()), "X-Simulator-Tokens", "4");
        String runId = Api.json(response.body()).getString("id");

        await("a delivery").atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
        Delivery delivery = received.get(0);
        assertThat(verifies(secret, delivery)).isTrue();
        JsonObject data = Api.json(delivery.body()).getJsonObject("data");
        assertThat(data.getString("id")).isEqualTo(runId);
        assertThat(data.getString("status")).isEqualTo("completed");
        assertThat(data.getInt("seq"))
                .isEqualTo(Runs.get(runId, admin).getInt("last_seq"))
                .isEqualTo(7);
        assertThat(data.getString("output")).isEqualTo(Runs.get(runId, admin).getString("output"));
        assertThat(data.getJsonObject("usage").getInt("output_tokens")).isEqualTo(4);
    }

    @Test
    void aReceiverThatFailsTwiceGetsThreeAttemptsWithTheSameWebhookId() throws Exception {
        failuresLeft.set(2);
        var response = Runs.submit(
                admin, Runs.body("async", "retry me").add("callback_url", callback()), "X-Simulator-Tokens", "2");
        String runId = Api.json(response.body()).getString("id");

        await("three attempts").atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);
        Thread.sleep(2_500); // and no fourth once one succeeded
        assertThat(received).hasSize(3);
        assertThat(received)
                .extracting(d -> d.header("webhook-id"))
                .containsOnly(received.get(0).header("webhook-id"));
        String secret =
                Api.json(Api.get("/api/v1/webhooks/secret", admin).body()).getString("secret");
        for (Delivery delivery : received) {
            assertThat(verifies(secret, delivery)).isTrue();
        }
        try (var db = TestStack.jdbc();
                var query = db.prepareStatement(
                        "SELECT a.status_code FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id"
                                + " WHERE d.run_id = ? ORDER BY a.attempt")) {
            query.setLong(1, Long.parseLong(runId));
            var codes = new java.util.ArrayList<Integer>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getInt(1));
                }
            }
            assertThat(codes).containsExactly(500, 500, 204);
        }
    }

    @Test
    void callbacksToNonPublicAddressesAreRefused() {
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://192.168.0.10/x",
                "ftp://example.org/x")) {
            Problems.assertProblem(
                    Runs.submit(admin, Runs.body("async", "x").add("callback_url", url)), 400, "invalid-callback-url");
        }
    }

    @Test
    void onlyATenantAdminReadsTheSecret() {
        Problems.assertProblem(
                Api.get("/api/v1/webhooks/secret", TestStack.token("hooks", "plain-user", "user")), 403, "admin-only");
    }
}
