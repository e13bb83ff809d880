package org.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run: the same streamed load straight at the mock upstream (the baseline) and through
 * Switchboard (with every event persisted), at concurrency 1, 50 and 200, then the durable-run probes.
 * Writes {@code latest.md} into the output folder.
 *
 * <p>Arguments: {@code <switchboard-url> <token> <payara-pid> <mock-port> <output-folder>}.
 */
public final class Bench {
    static final int TOKENS = 64;
    static final long DELAY_MILLIS = 10;
    static final Map<Integer, Integer> REQUESTS = Map.of(1, 40, 50, 500, 200, 1000);
    /** HotSpot's compiler threads, as Linux names them (first 15 characters). */
    private static final String[] JIT_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};

    private static final int WARMUP_ROUND = 4000;
    private static final int WARMUP_MAX = 60_000;
    private static final double JIT_SETTLED_MS = 0.1;

    public static void main(String[] args) throws Exception {
        String switchboard = args[0];
        String token = args[1];
        ProcessMeter payara = new ProcessMeter(Long.parseLong(args[2]));
        Path out = Path.of(args[4]);
        ProcessMeter self = new ProcessMeter(ProcessHandle.current().pid());
        ProcessMeter database =
                args.length > 5 && !args[5].isBlank() ? new ProcessMeter(Long.parseLong(args[5])) : null;
        try (MockUpstream mock = new MockUpstream(Integer.parseInt(args[3]), TOKENS, DELAY_MILLIS)) {
            LoadClient direct = new LoadClient("http://127.0.0.1:" + mock.port(), null, "bench-model");
            LoadClient gateway = new LoadClient(switchboard, token, "bench-model");
            System.out.println("Warming up …");
            int warmedUp = warmUp(gateway, payara);
            direct.run(100, 1000);
            settle(payara);
            Map<Integer, Row> rows = new LinkedHashMap<>();
            for (int concurrency : levels()) {
                int requests = envInt("BENCH_REQUESTS", REQUESTS.getOrDefault(concurrency, concurrency * 5));
                System.out.printf(
                        "Concurrency %d: %d requests direct, then through Switchboard …%n", concurrency, requests);
                double selfBefore = self.cpuMillis();
                LoadClient.Result baseline = direct.run(concurrency, requests);
                double cpuBefore = payara.cpuMillis();
                double jitBefore = payara.threadCpuMillis(JIT_THREADS);
                double dbBefore = database == null ? 0 : database.cpuMillis();
                double selfMid = self.cpuMillis();
                LoadClient.Result measured = gateway.run(concurrency, requests);
                int n = measured.samples().size();
                Cpu cpu = new Cpu(
                        (selfMid - selfBefore) / baseline.samples().size(),
                        (self.cpuMillis() - selfMid) / n,
                        (payara.cpuMillis() - cpuBefore) / n,
                        (payara.threadCpuMillis(JIT_THREADS) - jitBefore) / n,
                        database == null ? Double.NaN : (database.cpuMillis() - dbBefore) / n);
                rows.put(concurrency, new Row(baseline, measured, cpu, payara.memoryMiB("VmRSS")));
            }
            if (System.getenv("BENCH_LEVELS") != null
                    && !System.getenv("BENCH_LEVELS").isBlank()) {
                rows.forEach((concurrency, row) -> System.out.printf(
                        "c=%d: added TTFT p50 %.2f / p99 %.2f ms, throughput %.1f / %.1f req/s, failures %d / %d;"
                                + " CPU ms/request:"
                                + " Payara %.2f (JIT compiler %.2f), MariaDB %.2f, load client + mock %.2f direct / %.2f"
                                + " through%n",
                        concurrency,
                        row.ttft(row.gateway()).p50() - row.ttft(row.direct()).p50(),
                        row.ttft(row.gateway()).p99() - row.ttft(row.direct()).p99(),
                        row.direct().throughput(),
                        row.gateway().throughput(),
                        row.direct().failures(),
                        row.gateway().failures(),
                        row.cpu().payara(),
                        row.cpu().jit(),
                        row.cpu().database(),
                        row.cpu().harnessDirect(),
                        row.cpu().harnessThrough()));
                System.exit(0); // a quick partial run (BENCH_LEVELS) writes no report
            }
            System.out.println("Probing resume and async pick-up …");
            RunProbes probes = new RunProbes(switchboard, token);
            Stats resume = Stats.of(probes.resumeMillis(100));
            Stats pickup = Stats.of(probes.pickupMillis(200));
            String report = Report.markdown(rows, resume, pickup, payara.memoryMiB("VmHWM"), Instant.now(), warmedUp);
            Files.createDirectories(out);
            Files.writeString(out.resolve("latest.md"), report);
            System.out.println(report);
        }
        System.exit(0); // do not wait for any thread still around (RunProbes, the JDK)
    }

    /**
     * Sends load through Switchboard until Payara's JIT compiler has settled: a gateway in production has been
     * running for days, and a method called once per request reaches HotSpot's optimizing compiler only after
     * tens of thousands of requests on two cores (its thresholds grow with the compile queue). Rounds of
     * {@value #WARMUP_ROUND} requests at concurrency 200 until one costs the compiler threads under
     * {@value #JIT_SETTLED_MS} ms per request, at least {@code BENCH_WARMUP} requests (default 8,000) and at
     * most {@value #WARMUP_MAX} in all. Returns how many it sent.
     */
    private static int warmUp(LoadClient gateway, ProcessMeter payara) {
        int minimum = envInt("BENCH_WARMUP", 8000);
        int sent = 0;
        while (sent < WARMUP_MAX) {
            double jitBefore = payara.threadCpuMillis(JIT_THREADS);
            gateway.run(200, WARMUP_ROUND);
            sent += WARMUP_ROUND;
            double jit = (payara.threadCpuMillis(JIT_THREADS) - jitBefore) / WARMUP_ROUND;
            System.out.printf("  %,d requests: JIT compiler %.2f ms per request in the last round%n", sent, jit);
            if (sent >= minimum && jit < JIT_SETTLED_MS) {
                break;
            }
        }
        return sent;
    }

    /**
     * Waits until Payara is idle (under 5 % of a core over 5 s, at most 3 minutes): after the warm-up its JIT
     * still has a queue of methods to compile, which would otherwise be counted against the first levels.
     */
    private static void settle(ProcessMeter payara) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < 36; i++) {
            double before = payara.cpuMillis();
            Thread.sleep(5000);
            if ((payara.cpuMillis() - before) / 5000 < 0.05) {
                break;
            }
        }
        System.out.printf(
                "Payara idle after the warm-up: waited %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    /** A number from the environment (quick runs while working on the token path), else {@code otherwise}. */
    private static int envInt(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    /** The concurrency levels to measure: all three, or {@code BENCH_LEVELS} (e.g. "200") for a quick look. */
    private static List<Integer> levels() {
        String only = System.getenv("BENCH_LEVELS");
        if (only == null || only.isBlank()) {
            return List.of(1, 50, 200);
        }
        return java.util.Arrays.stream(only.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    /**
     * CPU milliseconds per request: this JVM (load client + mock) in the direct and in the Switchboard phase,
     * Payara (and, of that, its JIT compiler threads, still compiling minutes after start) and MariaDB in the
     * Switchboard phase.
     */
    record Cpu(double harnessDirect, double harnessThrough, double payara, double jit, double database) {}

    /** One concurrency level: baseline and Switchboard side by side. */
    record Row(LoadClient.Result direct, LoadClient.Result gateway, Cpu cpu, double rssMiB) {
        Stats ttft(LoadClient.Result result) {
            return Stats.of(
                    ok(result).stream().map(LoadClient.Sample::ttftMillis).toList());
        }

        Stats total(LoadClient.Result result) {
            return Stats.of(
                    ok(result).stream().map(LoadClient.Sample::totalMillis).toList());
        }

        private static List<LoadClient.Sample> ok(LoadClient.Result result) {
            return new ArrayList<>(
                    result.samples().stream().filter(LoadClient.Sample::ok).toList());
        }
    }
}
