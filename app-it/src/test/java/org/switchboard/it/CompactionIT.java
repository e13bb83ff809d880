package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Once a run has ended (5 s later, {@code switchboard.runs.compaction.delay}), its {@code run_events} rows are
 * replaced by one compact {@code run_logs} row in one transaction. Every reader gets exactly what it got before:
 * SSE replay from the start and from a {@code Last-Event-ID}, cursor polling and long-polling, the run's output,
 * the console's events and timings and its error-class filter; a reader racing the compaction sees no gap and no
 * duplicate; another tenant still gets 404; the retention purge removes the compact row and the run answers 410.
 */
class CompactionIT extends SwitchboardDeployment {
    /** The delay, and a retry (a delay later) of a run whose row a {@link Held} kept from the first try. */
    private static final Duration COMPACTED_WITHIN = Duration.ofSeconds(20);

    private final String token = TestStack.token("demo", "compact-user", "user");

    @Test
    void aCompactedRunReplaysExactlyAsBefore() throws SQLException {
        String runId = Runs.start(token, "compact me", "X-Simulator-Tokens", "30", "X-Simulator-Delay-Ms", "0");
        awaitEnded(runId, "completed");
        List<String> whole;
        List<String> firstPart = new ArrayList<>();
        String polled;
        String polledFrom17;
        JsonObject run;
        try (Held held = Held.rowsOf(List.of(runId))) {
            whole = replay(runId, null);
            try (SseClient cut = SseClient.events(runId, token, null)) {
                for (int i = 0; i < 12; i++) {
                    firstPart.add(line(cut.next()));
                }
            } // the client hangs up before the compaction and resumes after it
            polled = poll(runId, 0);
            polledFrom17 = poll(runId, 17);
            run = Runs.get(runId, token);
        }
        assertThat(whole).hasSize(33);
        assertThat(whole.get(0)).startsWith("1 run ");

        await("the compaction").atMost(COMPACTED_WITHIN).until(() -> compacted(runId));

        assertThat(replay(runId, null)).isEqualTo(whole);
        List<String> resumed = new ArrayList<>(firstPart);
        resumed.addAll(replay(runId, "12"));
        assertThat(resumed).as("Last-Event-ID across the compaction").isEqualTo(whole);
        for (int after : new int[] {1, 17, 32}) {
            assertThat(replay(runId, Integer.toString(after))).isEqualTo(whole.subList(after, whole.size()));
        }
        assertThat(poll(runId, 0)).isEqualTo(polled);
        assertThat(poll(runId, 17)).isEqualTo(polledFrom17);
        JsonObject longPoll = Api.json(
                Api.get("/api/v1/runs/" + runId + "?after=33&wait=2", token).body());
        assertThat(longPoll.getJsonArray("events")).isEmpty();
        assertThat(longPoll.getInt("next_after")).isEqualTo(33);
        JsonObject again = Runs.get(runId, token);
        for (String field : List.of("status", "output", "last_seq", "usage", "next_after")) {
            assertThat(again.get(field)).as(field).isEqualTo(run.get(field));
        }
        assertThat(compactBytes(runId)).as("the compact row of 33 events").isBetween(1, 1024);

        String otherTenant = TestStack.token("globex", "compact-user", "user", "admin");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId, otherTenant), 404, "run-not-found");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId + "/events", otherTenant), 404, "run-not-found");
        Problems.assertProblem(
                Api.get("/api/v1/runs/" + runId, TestStack.token("demo", "someone-else", "user")),
                404,
                "run-not-found");
    }

    /**
     * Readers replaying, resuming and polling in a loop while their runs are compacted: every read returns exactly
     * the events of the first one, whichever side of the compaction it fell on.
     */
    @Test
    void readersRacingTheCompactionSeeNoGapOrDuplicate() throws Exception {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runIds.add(Runs.start(token, "race " + i, "X-Simulator-Tokens", "20", "X-Simulator-Delay-Ms", "0"));
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        try (Held held = Held.rowsOf(List.of())) {
            for (String runId : runIds) {
                awaitEnded(runId, "completed");
                held.add(runId);
            }
            for (String runId : runIds) {
                expected.put(runId, replay(runId, null));
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    for (var run : expected.entrySet()) {
                        readOnce(run.getKey(), run.getValue(), mismatches);
                        reads.incrementAndGet();
                    }
                }
            }));
        }
        try {
            await("every run compacted").atMost(COMPACTED_WITHIN).until(() -> allCompacted(runIds));
            int atCompaction = reads.get();
            await("reads after the compaction")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> reads.get() > atCompaction + 12);
        } finally {
            stop.set(true);
            CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aCompactedRunPastItsRetentionIsPurgedAndGone() throws SQLException {
        String runId =
                Runs.start(token, "compact, then forget me", "X-Simulator-Tokens", "2", "X-Simulator-Delay-Ms", "0");
        awaitEnded(runId, "completed");
        await("the compaction").atMost(COMPACTED_WITHIN).until(() -> compacted(runId));
        assertThat(replay(runId, null)).hasSize(5);

        await("410 Gone")
                .atMost(Duration.ofSeconds(40))
                .until(() -> Api.get("/api/v1/runs/" + runId, token).statusCode() == 410);
        // The purge runs once a minute (second 15).
        await("the purge")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "EXPIRED".equals(status(runId)));
        assertThat(count("run_logs", runId))
                .as("the compact log of a purged run")
                .isZero();
        assertThat(count("run_events", runId)).isZero();
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId, token), 410, "run-expired");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId + "/events", token), 410, "run-expired");
        Problems.assertProblem(
                Api.get("/api/v1/runs/" + runId, TestStack.token("globex", "compact-user", "user")),
                404,
                "run-not-found");
    }

    /**
     * The console's run page shows the same events with the same moments, gaps and timings once the run is
     * compacted, and its error-class filter finds a compacted run. (Within this suite's 15 s retention: past it,
     * the purge at second 15 of a minute may take the log.)
     */
    @Test
    void theConsoleShowsACompactedRunAsBeforeAndFindsItByItsErrorClass() throws Exception {
        String tenant = "compact-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String user = TestStack.token(tenant, "console-user", "user");
        try (Browser browser = new Browser()) {
            browser.signedIn("admin", TestStack.adminPassword());
            String cancelled = Runs.start(user, "cancel me", "X-Simulator-Tokens", "200", "X-Simulator-Delay-Ms", "50");
            String runId = Runs.start(user, "show me", "X-Simulator-Tokens", "12", "X-Simulator-Delay-Ms", "0");
            awaitEnded(runId, user, "completed");
            List<String> before;
            try (Held held = Held.rowsOf(List.of(runId))) {
                before = runPage(browser, runId);
            }
            Api.send(Api.request("/api/v1/runs/" + cancelled + "/cancel", user)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            awaitEnded(cancelled, user, "cancelled");
            await("the compaction").atMost(COMPACTED_WITHIN).until(() -> compacted(runId) && compacted(cancelled));

            assertThat(runPage(browser, runId)).isEqualTo(before);
            browser.open("/admin/runs");
            browser.waitFor("filter-error-class");
            browser.type("filter-error-class", "cancelled");
            browser.click("apply-filter");
            browser.wait.until(page -> gridTexts(browser, "runs-grid").contains(cancelled)
                    && !gridTexts(browser, "runs-grid").contains(runId));
        }
    }

    /** The run page's timings line and every visible cell of its events grid. */
    private static List<String> runPage(Browser browser, String runId) {
        browser.open("/admin/runs/" + runId);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("events-grid")));
        browser.wait.until(driver -> gridTexts(browser, "events-grid").contains("done"));
        List<String> page = new ArrayList<>(gridTexts(browser, "events-grid"));
        page.add(browser.driver.findElement(By.id("run-timings")).getText());
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<String> gridTexts(Browser browser, String gridId) {
        return (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                                + ".filter(c => c.checkVisibility() && c.getBoundingClientRect().height > 0)"
                                + ".map(c => c.textContent.trim());",
                        browser.driver.findElement(By.id(gridId)));
    }

    /** One full replay, one resume from a random seq and one poll from it, each checked against {@code whole}. */
    private void readOnce(String runId, List<String> whole, List<String> mismatches) {
        try {
            int after = ThreadLocalRandom.current().nextInt(0, whole.size());
            List<String> full = replay(runId, null);
            List<String> resumed = replay(runId, Integer.toString(after));
            List<String> polled = pollLines(runId, after);
            if (!full.equals(whole)) {
                mismatches.add(runId + " replay: " + full);
            }
            if (!resumed.equals(whole.subList(after, whole.size()))) {
                mismatches.add(runId + " resumed after " + after + ": " + resumed);
            }
            if (!polled.equals(whole.subList(after, whole.size()))) {
                mismatches.add(runId + " polled after " + after + ": " + polled);
            }
        } catch (RuntimeException e) {
            mismatches.add(runId + " failed: " + e);
        }
    }

    private List<String> replay(String runId, String lastEventId) {
        try (SseClient client = SseClient.events(runId, token, lastEventId)) {
            return client.rest().stream().map(CompactionIT::line).toList();
        }
    }

    private static String line(SseClient.Event event) {
        return event.id() + " " + event.type() + " " + event.data();
    }

    private String poll(String runId, int after) {
        return Api.json(Api.get("/api/v1/runs/" + runId + "?after=" + after, token)
                        .body())
                .getJsonArray("events")
                .toString();
    }

    /** The events of a poll as SSE would carry them. */
    private List<String> pollLines(String runId, int after) {
        return Api.json(Api.get("/api/v1/runs/" + runId + "?after=" + after, token)
                        .body())
                .getJsonArray("events")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getInt("seq") + " " + e.getString("type") + " " + e.get("data"))
                .toList();
    }

    private void awaitEnded(String runId, String status) {
        awaitEnded(runId, token, status);
    }

    private static void awaitEnded(String runId, String token, String status) {
        await("the run to end " + status)
                .atMost(Duration.ofSeconds(30))
                .until(() -> Runs.get(runId, token).getString("status").equals(status));
    }

    private static boolean allCompacted(List<String> runIds) throws SQLException {
        for (String runId : runIds) {
            if (!compacted(runId)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the run's log is one compact row and no event rows. */
    private static boolean compacted(String runId) throws SQLException {
        return count("run_logs", runId) == 1 && count("run_events", runId) == 0;
    }

    private static int count(String table, String runId) throws SQLException {
        try (var db = TestStack.jdbc();
                var count = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?")) {
            count.setLong(1, Long.parseLong(runId));
            try (var row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static int compactBytes(String runId) throws SQLException {
        try (var db = TestStack.jdbc();
                var select = db.prepareStatement("SELECT LENGTH(body) FROM run_logs WHERE run_id = ?")) {
            select.setLong(1, Long.parseLong(runId));
            try (var row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    private static String status(String runId) throws SQLException {
        try (var db = TestStack.jdbc();
                var select = db.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            select.setLong(1, Long.parseLong(runId));
            try (var row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /**
     * The rows of runs locked by a transaction of the test's own, as the purge or another instance's compactor
     * would hold them: the compaction skips them (and tries again a delay later) until this is closed. What is
     * read meanwhile is read from the event rows, before the compaction, however slow the machine.
     */
    private static final class Held implements AutoCloseable {
        private final Connection db;

        private Held(Connection db) {
            this.db = db;
        }

        static Held rowsOf(List<String> runIds) throws SQLException {
            Connection db = TestStack.jdbc();
            db.setAutoCommit(false);
            Held held = new Held(db);
            for (String runId : runIds) {
                held.add(runId);
            }
            return held;
        }

        void add(String runId) throws SQLException {
            try (var lock = db.prepareStatement("SELECT id FROM runs WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, Long.parseLong(runId));
                lock.executeQuery().close();
            }
            assertThat(compacted(runId))
                    .as("run %s compacted before its row was held", runId)
                    .isFalse();
        }

        @Override
        public void close() throws SQLException {
            try (db) {
                db.rollback();
            }
        }
    }
}
