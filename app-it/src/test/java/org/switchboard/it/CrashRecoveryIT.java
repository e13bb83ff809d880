package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of the app server mid-run: every event a client had received is still in the log after the
 * restart, and the run reaches a defined end: {@code incomplete}, because its lease expired (we do not
 * re-run it: a client may already hold part of the answer, and a re-run would bill the tokens twice). That
 * holds for a run a worker claimed from the queue and for a streamed one, which the instance that took the
 * request records already leased to itself. An orderly stop ends such runs at once.
 */
@Order(Integer.MAX_VALUE - 1)
@Timeout(value = 10, unit = TimeUnit.MINUTES) // each test starts or redeploys the application (asadmin: minutes)
class CrashRecoveryIT {
    private static final String NAME = "switchboard-crash";
    private static boolean startedDomain;

    /**
     * Deployed as an operator deploys it ({@code asadmin deploy}), not through Arquillian: an application
     * Arquillian uploaded does not come back after the server is killed, one deployed with asadmin does.
     */
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void deploy() {
        if (!java.nio.file.Files.exists(Asadmin.DOMAIN.resolve("config/pid"))) {
            Asadmin.run("start-domain", "it");
            startedDomain = true;
        }
        Asadmin.run("deploy", "--force=true", "--name", NAME, System.getProperty("switchboard.ear"));
        Asadmin.awaitApplication();
    }

    @AfterAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void undeploy() {
        Asadmin.run("undeploy", NAME);
        if (startedDomain) {
            Asadmin.run("stop-domain", "it");
        }
    }

    @Test
    void eventsAClientSawSurviveAKill9AndTheRunEndsIncomplete() throws Exception {
        String token = TestStack.token("demo", "crash-user", "user");
        // One run queued and claimed by a worker, one streamed and so started by the instance that took it.
        String queued = Runs.start(token, "crash during me", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "50");
        SseClient queuedClient = SseClient.events(queued, token, null);
        SseClient streamedClient = streamSlowRun(token, "crash during me too");
        String streamed =
                streamedClient.response.headers().firstValue("X-Run-Id").orElseThrow();
        List<SseClient.Event> seenQueued = new ArrayList<>();
        List<SseClient.Event> seenStreamed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seenQueued.add(queuedClient.next());
            seenStreamed.add(streamedClient.next());
        }

        long pid = Long.parseLong(
                Files.readString(Asadmin.DOMAIN.resolve("config/pid")).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        queuedClient.close();
        streamedClient.close();
        restartDomain();

        assertEndedIncompleteKeeping(queued, token, seenQueued);
        assertEndedIncompleteKeeping(streamed, token, seenStreamed);
    }

    /**
     * kill -9 in the middle of a chat answer: after the restart the chat is not left generating, the answer has a
     * terminal status ({@code incomplete}: its run's lease expired) and keeps the partial text its client saw.
     */
    @Test
    void aChatAnsweringWhenTheServerIsKilledStopsGeneratingAndKeepsThePartialAnswer() throws Exception {
        String token = TestStack.token("demo", "crash-chat-user", "user");
        String chatId = ChatApi.create(token, "crash").getString("id");
        var turn = ChatApi.sent(
                token,
                chatId,
                ChatApi.message("sim", "crash during my answer"),
                "X-Simulator-Tokens",
                "200",
                "X-Simulator-Delay-Ms",
                "50");
        List<SseClient.Event> seen = new ArrayList<>();
        try (SseClient stream = SseClient.open(Api.request(turn.getString("stream_url"), null)
                .header("Accept", "text/event-stream")
                .GET()
                .build())) {
            for (int i = 0; i < 12; i++) {
                seen.add(stream.next());
            }
            long pid = Long.parseLong(
                    Files.readString(Asadmin.DOMAIN.resolve("config/pid")).trim());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        }
        restartDomain();

        await("the chat to stop generating")
                .atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> !ChatApi.get(token, chatId).getBoolean("generating"));
        var answer = ChatApi.leaf(ChatApi.get(token, chatId));
        assertThat(answer.getString("id"))
                .isEqualTo(turn.getJsonObject("assistant_message").getString("id"));
        assertThat(answer.getString("status")).isEqualTo("incomplete");
        assertThat(answer.getString("content")).startsWith(Runs.text(seen)).isNotEmpty();
        assertThat(answer.isNull("stream_url")).isTrue();
    }

    /**
     * An orderly stop (undeploy) mid-run, unlike a kill: the run ends at once, {@code incomplete} with an
     * {@code instance-stopped} error event committed before the datasource goes away, so nothing waits for the
     * lease reaper; the client's stream ends with that event; and the log holds every event the client
     * received, with no gap.
     */
    @Test
    void anOrderlyStopEndsTheRunsGeneratingThereAtOnce() throws Exception {
        String token = TestStack.token("demo", "stop-user", "user");
        SseClient client = streamSlowRun(token, "stop during me");
        long runId =
                Long.parseLong(client.response.headers().firstValue("X-Run-Id").orElseThrow());
        List<SseClient.Event> seen = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seen.add(client.next());
        }
        var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            List<SseClient.Event> more = new ArrayList<>();
            try {
                for (SseClient.Event event = client.next(); event != null; event = client.next()) {
                    more.add(event);
                }
            } catch (java.io.UncheckedIOException cut) {
                // the server went away under the stream
            }
            return more;
        });

        try {
            Asadmin.run("undeploy", NAME);
            // Straight after the undeploy, without any reaper: the run has ended.
            try (var db = TestStack.jdbc()) {
                try (var query = db.prepareStatement("SELECT status, status_reason, last_seq FROM runs WHERE id = ?")) {
                    query.setLong(1, runId);
                    try (ResultSet row = query.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getString(1)).isEqualTo("INCOMPLETE");
                        assertThat(row.getString(2)).contains("was stopped");
                    }
                }
                List<String> stored = new ArrayList<>();
                String lastType = null;
                String lastData = null;
                try (var query =
                        db.prepareStatement("SELECT seq, type, data FROM run_events WHERE run_id = ? ORDER BY seq")) {
                    query.setLong(1, runId);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            assertThat(rows.getInt(1)).isEqualTo(stored.size() + 1); // no gap
                            stored.add(rows.getInt(1) + " " + rows.getString(3));
                            lastType = rows.getString(2);
                            lastData = rows.getString(3);
                        }
                    }
                }
                assertThat(lastType).isEqualTo("ERROR");
                assertThat(lastData).contains("urn:switchboard:problem:instance-stopped");
                // The client's stream ends with that error event, not silently.
                seen.addAll(reading.get(30, java.util.concurrent.TimeUnit.SECONDS));
                assertThat(seen.get(seen.size() - 1).type()).isEqualTo("error");
                assertThat(seen.get(seen.size() - 1).data()).contains("instance-stopped");
                client.close();
                assertThat(stored)
                        .startsWith(
                                seen.stream().map(e -> e.id() + " " + e.data()).toArray(String[]::new));
            }
        } finally {
            Asadmin.run("deploy", "--force=true", "--name", NAME, System.getProperty("switchboard.ear"));
            Asadmin.awaitApplication();
        }
    }

    /** {@code POST /api/v1/runs} with {@code mode=stream}: 200 simulator tokens, 50 ms apart (10 s). */
    private static SseClient streamSlowRun(String token, String prompt) {
        return SseClient.open(Api.request("/api/v1/runs", token)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("X-Simulator-Tokens", "200")
                .header("X-Simulator-Delay-Ms", "50")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Runs.body("stream", prompt).build().toString()))
                .build());
    }

    private static void assertEndedIncompleteKeeping(String runId, String token, List<SseClient.Event> seen)
            throws Exception {
        await("the run to end")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> !Runs.get(runId, token).getString("status").equals("running"));
        var run = Runs.get(runId, token);
        assertThat(run.getString("status")).isEqualTo("incomplete");
        assertThat(run.getString("status_reason")).contains("lease expired");
        try (var db = TestStack.jdbc();
                var query = db.prepareStatement(
                        "SELECT seq, data FROM run_events WHERE run_id = ? AND seq <= ? ORDER BY seq")) {
            query.setLong(1, Long.parseLong(runId));
            query.setInt(2, seen.get(seen.size() - 1).id());
            List<String> stored = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getInt(1) + " " + rows.getString(2));
                }
            }
            assertThat(stored)
                    .containsExactlyElementsOf(
                            seen.stream().map(e -> e.id() + " " + e.data()).toList());
        }
        List<SseClient.Event> replay;
        try (SseClient again = SseClient.events(runId, token, null)) {
            replay = again.rest();
        }
        assertThat(replay.get(replay.size() - 1).type()).isEqualTo("error");
        assertThat(replay.subList(0, seen.size()))
                .extracting(SseClient.Event::data)
                .containsExactlyElementsOf(
                        seen.stream().map(SseClient.Event::data).toList());
    }

    private static void restartDomain() {
        Asadmin.run("start-domain", "it");
        Asadmin.awaitApplication();
    }
}
