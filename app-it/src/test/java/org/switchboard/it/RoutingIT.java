package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Routing policies with simulator targets, configured through the admin API: fallback on 429, retries with
 * back-off, the circuit breaker, no fallback once text reached the client, the weighted split, the latency
 * strategy, and how fast a policy change reaches new requests ("model switch time").
 * Each test works in its own tenant so its policies and breakers are its own.
 */
class RoutingIT extends SwitchboardDeployment {
    /** Tenants of this test run: a database kept from an earlier local run holds the same names in other ones. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static String admin(String tenant) {
        return TestStack.token(tenant, "ops", "admin");
    }

    private static String user(String tenant) {
        return TestStack.token(tenant, "user-1", "user");
    }

    /** The alias {@code chat} of the tenant, routed by {@code strategy} to the named providers' {@code sim-fast}. */
    private static JsonObject chat(String tenant, String strategy, JsonObject resilience, String... providers) {
        var targets = Json.createArrayBuilder();
        for (String provider : providers) {
            targets.add(Admin.target(provider, "sim-fast"));
        }
        return Admin.createPolicy(admin(tenant), "chat", strategy, targets.build(), resilience);
    }

    private static jakarta.json.JsonObjectBuilder sim() {
        return Json.createObjectBuilder().add("tokens", 3).add("delay_ms", 0);
    }

    @Test
    void aQuotaRefusalOnThePrimaryIsServedByTheSecondary() {
        String tenant = "routing-quota-" + RUN;
        Admin.simulator(
                admin(tenant),
                "limited",
                sim().add("fault", "error").add("status", 429).add("retry_after_s", 30));
        Admin.simulator(admin(tenant), "spare", sim());
        chat(tenant, "priority", Json.createObjectBuilder().build(), "limited", "spare");

        JsonObject run = Admin.syncRun(user(tenant), "chat", "hello");

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(Admin.servedBy(run)).isEqualTo("spare/sim-fast");
        assertThat(Admin.attempts(run)).isEqualTo(2);
        assertThat(attempts(run)).containsExactly("limited/sim-fast upstream-quota 429", "spare/sim-fast served -");
        // the 429 rests the primary for its Retry-After: the next run goes straight to the secondary
        JsonObject next = Admin.syncRun(user(tenant), "chat", "again");
        assertThat(Admin.servedBy(next)).isEqualTo("spare/sim-fast");
        assertThat(Admin.attempts(next)).isEqualTo(1);
        assertThat(attempts(next)).containsExactly("limited/sim-fast rate-limited -", "spare/sim-fast served -");
    }

    @Test
    void twoServerErrorsThenSuccessAreRetriedWithBackOff() {
        String tenant = "routing-retry-" + RUN;
        Admin.simulator(
                admin(tenant),
                "flaky",
                sim().add("fault", "error").add("status", 500).add("fail_times", 2));
        chat(
                tenant,
                "priority",
                Json.createObjectBuilder()
                        .add("max_attempts", 3)
                        .add("backoff_ms", 300)
                        .add("multiplier", 2)
                        .add("jitter", 0)
                        .build(),
                "flaky");

        long started = System.nanoTime();
        JsonObject run = Admin.syncRun(user(tenant), "chat", "hello");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(Admin.servedBy(run)).isEqualTo("flaky/sim-fast");
        assertThat(Admin.attempts(run)).isEqualTo(3);
        assertThat(millis).as("back-off 300 ms then 600 ms").isGreaterThanOrEqualTo(900);
        var calls = run.getJsonArray("attempts").getValuesAs(JsonObject.class);
        assertThat(attempts(run))
                .containsExactly(
                        "flaky/sim-fast upstream-error 500",
                        "flaky/sim-fast upstream-error 500",
                        "flaky/sim-fast served -");
        assertThat(calls.get(1).getInt("started_ms") - calls.get(0).getInt("started_ms"))
                .as("the second call waited out the 300 ms back-off after the first")
                .isGreaterThanOrEqualTo(300);
        assertThat(calls).allSatisfy(call -> assertThat(call.getInt("took_ms")).isNotNegative());
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndClosesAfterTheCoolDown() {
        String tenant = "routing-breaker-" + RUN;
        Admin.simulator(
                admin(tenant),
                "shaky",
                sim().add("fault", "error").add("status", 503).add("fail_times", 3));
        Admin.simulator(admin(tenant), "steady", sim());
        chat(
                tenant,
                "priority",
                Json.createObjectBuilder()
                        .add("max_attempts", 1)
                        .add("breaker_failures", 3)
                        .add("breaker_cool_down_ms", 1500)
                        .build(),
                "shaky",
                "steady");

        for (int i = 0; i < 3; i++) {
            JsonObject run = Admin.syncRun(user(tenant), "chat", "fail over " + i);
            assertThat(Admin.servedBy(run)).isEqualTo("steady/sim-fast");
            assertThat(Admin.attempts(run)).as("tried the primary first").isEqualTo(2);
            assertThat(attempts(run)).containsExactly("shaky/sim-fast upstream-error 503", "steady/sim-fast served -");
        }
        assertThat(breaker(tenant, "shaky/sim-fast")).isEqualTo("open");
        JsonObject whileOpen = Admin.syncRun(user(tenant), "chat", "skip it");
        assertThat(Admin.servedBy(whileOpen)).isEqualTo("steady/sim-fast");
        assertThat(Admin.attempts(whileOpen))
                .as("the open breaker skips the primary")
                .isEqualTo(1);
        assertThat(attempts(whileOpen)).containsExactly("shaky/sim-fast breaker-open -", "steady/sim-fast served -");

        sleep(1700); // past the 1.5 s cool-down: time has to pass, and polling with requests would spend the trial
        JsonObject trial = Admin.syncRun(user(tenant), "chat", "try again");
        assertThat(Admin.servedBy(trial)).as("a trial call after the cool-down").isEqualTo("shaky/sim-fast");
        assertThat(breaker(tenant, "shaky/sim-fast")).isEqualTo("closed");
    }

    @Test
    void aBadRequestIsNeitherRetriedNorFallenBackFrom() {
        String tenant = "routing-bad-request-" + RUN;
        Admin.simulator(admin(tenant), "picky", sim().add("fault", "error").add("status", 400));
        Admin.simulator(admin(tenant), "spare", sim());
        chat(
                tenant,
                "priority",
                Json.createObjectBuilder().add("backoff_ms", 10).build(),
                "picky",
                "spare");

        JsonObject run = Admin.syncRun(user(tenant), "chat", "hello");

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(Admin.servedBy(run)).isNull();
        assertThat(run.getString("status_reason")).contains("400");
    }

    @Test
    void aFailureAfterTheFirstTokenEndsTheRunIncompleteWithoutFallback() {
        String tenant = "routing-committed-" + RUN;
        Admin.simulator(
                admin(tenant),
                "midway",
                Json.createObjectBuilder()
                        .add("tokens", 10)
                        .add("delay_ms", 5)
                        .add("fault", "error")
                        .add("fault_after", 3));
        Admin.simulator(admin(tenant), "spare", sim());
        chat(
                tenant,
                "priority",
                Json.createObjectBuilder().add("backoff_ms", 10).build(),
                "midway",
                "spare");

        JsonObject run = Admin.syncRun(user(tenant), "chat", "hello");

        assertThat(run.getString("status")).isEqualTo("incomplete");
        assertThat(Admin.servedBy(run)).isEqualTo("midway/sim-fast");
        assertThat(run.getString("output").split(" ")).hasSize(3);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a thousand runs, given two minutes to end
    void aSeventyThirtyWeightedSplitHoldsOverAThousandRuns() throws Exception {
        String tenant = "routing-weighted-" + RUN;
        Admin.simulator(
                admin(tenant),
                "seventy",
                Json.createObjectBuilder().add("tokens", 1).add("delay_ms", 0));
        Admin.simulator(
                admin(tenant),
                "thirty",
                Json.createObjectBuilder().add("tokens", 1).add("delay_ms", 0));
        Admin.createPolicy(
                admin(tenant),
                "chat",
                "weighted",
                Json.createArrayBuilder()
                        .add(Admin.target("seventy", "sim-fast").add("weight", 70))
                        .add(Admin.target("thirty", "sim-fast").add("weight", 30))
                        .build(),
                Json.createObjectBuilder().build());

        String token = user(tenant);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Integer>> submissions = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String prompt = "weighted " + i;
                submissions.add(clients.submit(
                        () -> Runs.submit(token, Runs.body("async", prompt).add("model", "chat"))
                                .statusCode()));
            }
            for (Future<Integer> submission : submissions) {
                assertThat(submission.get()).isEqualTo(202);
            }
        } finally {
            clients.shutdown();
        }
        await("all 1,000 runs ended")
                .atMost(Duration.ofSeconds(120))
                .until(() -> servedCounts(tenant).values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()
                        == 1000);

        Map<String, Integer> counts = servedCounts(tenant);
        System.out.println("Weighted split over 1,000 runs: " + counts);
        assertThat(counts.get("seventy/sim-fast")).isBetween(650, 750);
        assertThat(counts.get("thirty/sim-fast")).isBetween(250, 350);
    }

    @Test
    void theLatencyStrategyPrefersTheFasterTarget() {
        String tenant = "routing-latency-" + RUN;
        Admin.simulator(admin(tenant), "slow", sim().add("latency_ms", 400));
        Admin.simulator(admin(tenant), "quick", sim().add("latency_ms", 10));
        chat(tenant, "latency", Json.createObjectBuilder().build(), "slow", "quick");

        java.util.List<String> served = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            served.add(Admin.servedBy(Admin.syncRun(user(tenant), "chat", "latency " + i)));
        }

        // the first runs measure both targets; from then on the faster one serves
        assertThat(served.subList(0, 2)).containsExactlyInAnyOrder("slow/sim-fast", "quick/sim-fast");
        assertThat(served.subList(2, 8)).containsOnly("quick/sim-fast");
    }

    @Test
    void aPolicyChangeReachesNewRequestsWithinTwoSeconds() throws Exception {
        String tenant = "routing-switch-" + RUN;
        Admin.simulator(
                admin(tenant),
                "old",
                Json.createObjectBuilder().add("tokens", 1).add("delay_ms", 0));
        Admin.simulator(
                admin(tenant),
                "new",
                Json.createObjectBuilder().add("tokens", 1).add("delay_ms", 0));
        Admin.simulator(
                admin(tenant),
                "newer",
                Json.createObjectBuilder().add("tokens", 1).add("delay_ms", 0));
        JsonObject policy = chat(tenant, "priority", Json.createObjectBuilder().build(), "old");
        assertThat(Admin.servedBy(Admin.syncRun(user(tenant), "chat", "before")))
                .isEqualTo("old/sim-fast");

        // through the admin API of this instance
        long changed = System.nanoTime();
        Admin.put(
                admin(tenant),
                "/api/v1/admin/policies/" + policy.getString("id"),
                Json.createObjectBuilder()
                        .add("targets", Json.createArrayBuilder().add(Admin.target("new", "sim-fast")))
                        .build());
        long apiSwitch = switchMillis(tenant, "new/sim-fast", changed);

        // as another instance's change arrives: straight in the database, seen through the version poll
        changed = System.nanoTime();
        try (Connection db = TestStack.jdbc()) {
            db.setAutoCommit(false);
            try (PreparedStatement update =
                    db.prepareStatement("UPDATE routing_policies SET targets = ?, updated_at = NOW(6) WHERE id = ?")) {
                update.setString(1, "[{\"provider\":\"newer\",\"model\":\"sim-fast\"}]");
                update.setLong(2, Long.parseLong(policy.getString("id")));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            db.createStatement().executeUpdate("UPDATE routing_version SET version = version + 1 WHERE id = 1");
            db.commit();
        }
        long pollSwitch = switchMillis(tenant, "newer/sim-fast", changed);

        System.out.println("Model switch time: " + apiSwitch + " ms through the admin API, " + pollSwitch
                + " ms for a change made elsewhere (routing_version poll)");
        assertThat(apiSwitch).isLessThan(2000);
        assertThat(pollSwitch).isLessThan(2000);
    }

    /** Runs requests until one is served by {@code target}; the time from the change to that request. */
    private static long switchMillis(String tenant, String target, long changedNanos) {
        long deadline = changedNanos + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            if (target.equals(Admin.servedBy(Admin.syncRun(user(tenant), "chat", "switch")))) {
                return (sent - changedNanos) / 1_000_000;
            }
            sleep(20); // between polls: this loop measures when the switch is first seen
        }
        throw new AssertionError("no request was served by " + target + " within 10 s of the change");
    }

    /** The run's stored route attempts, each as "target outcome status" ({@code -} for no status). */
    private static java.util.List<String> attempts(JsonObject run) {
        return run.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("target") + " " + a.getString("outcome") + " "
                        + (a.containsKey("status") ? a.getInt("status") : "-"))
                .toList();
    }

    private static String breaker(String tenant, String label) {
        JsonObject health =
                Api.json(Api.get("/api/v1/admin/routing/health", admin(tenant)).body());
        return health.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("label").equals(label))
                .map(t -> t.getString("breaker"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no health entry for " + label + ": " + health));
    }

    private static Map<String, Integer> servedCounts(String tenant) {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = TestStack.jdbc();
                PreparedStatement query = db.prepareStatement("SELECT served_by, COUNT(*) FROM runs"
                        + " WHERE tenant_id = ? AND ended_at IS NOT NULL GROUP BY served_by")) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(String.valueOf(rows.getString(1)), rows.getInt(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
