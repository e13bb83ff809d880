package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check of behaviour, run on demand ({@code -Dit.storage.runs=2000}): the database bytes of a
 * finished streamed request of 64 tokens (issue 17's storage target: at most 2 KB). Sends that many streamed chat
 * completions ({@code sim}, 64 tokens 10 ms apart) at {@code it.storage.concurrency} (default 100), waits for
 * their compaction, and prints each table's growth ({@code data_length + index_length} after {@code ANALYZE
 * TABLE}) per request. Run it on a fresh database (delete {@code app-it/target/it-home/mariadb}): pages freed by
 * earlier purges would be reused and hide part of the growth. The suite's retention is 15 s and its purge runs at
 * second 15 of each minute, so the measurement starts at second 20 and must end before the next purge. For the
 * cost without compaction, run it with {@code SWITCHBOARD_RUNS_COMPACTION_DELAY=PT1H} in the environment (Payara
 * inherits it): the event log's write path is the same either way.
 */
@EnabledIfSystemProperty(named = "it.storage.runs", matches = "\\d+")
@Order(1) // first, on a fresh database: runs of the other tests, purged, would leave pages that its rows reuse
class StoragePerRequestIT extends SwitchboardDeployment {
    private static final List<String> TABLES =
            List.of("runs", "run_events", "run_logs", "audit_log", "idempotency_keys", "webhook_deliveries");

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void bytesPerFinishedStreamedRequest() throws Exception {
        int runs = Integer.getInteger("it.storage.runs");
        int concurrency = Integer.getInteger("it.storage.concurrency", 100);
        String token = TestStack.token("storage", "storage-user", "user");
        send(token, concurrency, concurrency); // warm-up: the first requests compile the path
        Instant warm = Instant.now();

        // after the purge of this minute and the compaction of the warm-up runs, with 40 s left before the next purge
        await("second 20 of a minute")
                .atMost(Duration.ofSeconds(80))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> LocalTime.now().getSecond() >= 20
                        && LocalTime.now().getSecond() < 30
                        && Instant.now().isAfter(warm.plusSeconds(8)));
        Instant start = Instant.now();
        Map<String, Long> before = sizes();
        long payara = Long.parseLong(
                Files.readString(Asadmin.DOMAIN.resolve("config/pid")).trim());
        long mariadb = mariadbPid();
        long[] cpuBefore = {cpuMillis(payara), cpuMillis(mariadb)};
        long nanos = System.nanoTime();
        send(token, runs, concurrency);
        double seconds = (System.nanoTime() - nanos) / 1e9;
        boolean compacted = awaitCompaction(start);
        long[] cpuAfter = {cpuMillis(payara), cpuMillis(mariadb)};
        Map<String, Long> after = sizes();
        Instant end = Instant.now();

        assertThat(Duration.between(start, end))
                .as("measured between two purges")
                .isLessThan(Duration.ofSeconds(55));
        StringBuilder report = new StringBuilder(String.format(
                "%n%d streamed 64-token requests at concurrency %d in %.1f s (%s)%n",
                runs, concurrency, seconds, compacted ? "every log compacted" : "logs NOT compacted"));
        long total = 0;
        for (String table : TABLES) {
            long grown = after.get(table) - before.get(table);
            long indexes = after.get(table + " indexes") - before.get(table + " indexes");
            total += grown;
            report.append(String.format(
                    "  %-20s %,12d bytes  %,8.0f per request (secondary indexes %,.0f)%n",
                    table, grown, (double) grown / runs, (double) indexes / runs));
        }
        report.append(
                String.format("  %-20s %,12d bytes  %,8.0f per request%n", "total", total, (double) total / runs));
        long kept = total - (after.get("run_events") - before.get("run_events"));
        report.append(String.format(
                "  %-20s %,12d bytes  %,8.0f per request (run_events is the window of runs not yet compacted)%n",
                "kept (no run_events)", kept, (double) kept / runs));
        report.append(String.format(
                "  CPU while sending and compacting (idle included): Payara %.2f ms, MariaDB %.2f ms per request%n",
                (double) (cpuAfter[0] - cpuBefore[0]) / runs, (double) (cpuAfter[1] - cpuBefore[1]) / runs));
        System.out.println(report);
    }

    /** The embedded MariaDB's process, from its pid file. */
    private static long mariadbPid() throws Exception {
        try (Connection db = TestStack.jdbc();
                var select = db.createStatement();
                var row = select.executeQuery("SELECT @@pid_file, @@datadir")) {
            row.next();
            Path pidFile = Path.of(row.getString(1));
            return Long.parseLong(Files.readString(
                            pidFile.isAbsolute()
                                    ? pidFile
                                    : Path.of(row.getString(2)).resolve(pidFile))
                    .trim());
        }
    }

    /** User + system CPU time of a process, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static void send(String token, int count, int concurrency) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String prompt = "storage " + i;
                responses.add(clients.submit(() -> Api.postJson(
                        "/v1/chat/completions",
                        token,
                        Api.chat("sim", true, prompt),
                        "X-Simulator-Tokens",
                        "64",
                        "X-Simulator-Delay-Ms",
                        "10")));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                assertThat(response.get().body()).contains("[DONE]");
            }
        } finally {
            clients.shutdown();
        }
    }

    /** Waits (at most 12 s) until no run created since {@code start} has event rows; false if some still have. */
    private static boolean awaitCompaction(Instant start) {
        try {
            await("every log compacted")
                    .atMost(Duration.ofSeconds(12))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> uncompacted(start) == 0);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notCompacted) {
            return false;
        }
    }

    private static int uncompacted(Instant start) throws SQLException {
        try (Connection db = TestStack.jdbc();
                var count = db.prepareStatement("SELECT COUNT(DISTINCT e.run_id) FROM run_events e"
                        + " JOIN runs r ON r.id = e.run_id WHERE r.created_at >= ?")) {
            count.setTimestamp(1, Timestamp.from(start));
            try (var row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Each table's {@code data_length + index_length} (and its {@code index_length}), after {@code ANALYZE TABLE} refreshed them. */
    private static Map<String, Long> sizes() throws SQLException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Connection db = TestStack.jdbc()) {
            for (String table : TABLES) {
                try (var analyze = db.createStatement()) {
                    analyze.execute("ANALYZE TABLE " + table);
                }
                try (var select = db.prepareStatement("SELECT COALESCE(SUM(data_length + index_length), 0),"
                        + " COALESCE(SUM(index_length), 0) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name = ?")) {
                    select.setString(1, table);
                    try (var row = select.executeQuery()) {
                        row.next();
                        sizes.put(table, row.getLong(1));
                        sizes.put(table + " indexes", row.getLong(2));
                    }
                }
            }
        }
        return sizes;
    }
}
