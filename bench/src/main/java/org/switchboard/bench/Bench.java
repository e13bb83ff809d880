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
 * Switchboard (with every event persisted), at concurrency 1, 50 and 200; Payara's and MariaDB's CPU at rest;
 * the durable-run probes; the database's growth per request; allocation per request; many SSE subscribers at
 * once. Writes {@code latest.md} into the output folder, with every target of issue 17 marked met or not.
 *
 * <p>Arguments: {@code <switchboard-url> <token> <payara-pid> <mock-port> <output-folder> [<mariadb-pid>]}.
 * The environment may set {@code SWITCHBOARD_METRICS_TOKEN} (to read {@code /metrics}) and
 * {@code SWITCHBOARD_HOME} (to read the embedded database's size); see bench/README.md for the {@code BENCH_*}
 * settings.
 */
public final class Bench {
    static final int TOKENS = 64;
    static final long DELAY_MILLIS = 10;
    static final Map<Integer, Integer> REQUESTS = Map.of(1, 40, 50, 500, 200, 1000);
    /** HotSpot's compiler threads, as Linux names them (first 15 characters). */
    static final String[] JIT_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};

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
        boolean quick = System.getenv("BENCH_LEVELS") != null
                && !System.getenv("BENCH_LEVELS").isBlank();
        List<Integer> levels = levels();
        Jcmd jcmd = new Jcmd(Long.parseLong(args[2]));
        Metrics metrics = Metrics.fromEnvironment(switchboard);
        GcAllocation gc = new GcAllocation(metrics);
        Results results = new Results();
        results.loadBefore = loadAverage();
        try (MockUpstream mock = new MockUpstream(Integer.parseInt(args[3]), TOKENS, DELAY_MILLIS);
                Storage storage = Storage.embedded();
                RssSampler rss = new RssSampler(payara, database)) {
            Storage.Size storageStart = storage == null ? null : storage.measure();
            LoadClient direct = new LoadClient("http://127.0.0.1:" + mock.port(), null, "bench-model");
            LoadClient gateway = new LoadClient(switchboard, token, "bench-model");
            System.out.println("Warming up …");
            results.warmedUp = warmUp(gateway, payara);
            direct.run(100, 1000);
            settle(payara, database);
            int idleSeconds = envInt("BENCH_IDLE_SECONDS", !quick || levels.contains(1) ? 30 : 0);
            if (idleSeconds > 0) {
                System.out.printf("Idle: %d s without requests …%n", idleSeconds);
                results.idle = Idle.measure(idleSeconds, payara, database, self);
            }
            for (int concurrency : levels) {
                int requests = envInt("BENCH_REQUESTS", REQUESTS.getOrDefault(concurrency, concurrency * 5));
                System.out.printf(
                        "Concurrency %d: %d requests direct, then through Switchboard …%n", concurrency, requests);
                results.rows.put(
                        concurrency, level(concurrency, requests, direct, gateway, payara, database, self, gc, rss));
            }
            if (!quick) {
                System.out.println("Probing resume and async pick-up …");
                RunProbes probes = new RunProbes(switchboard, token);
                results.resume = Stats.of(probes.resumeMillis(100));
                results.pickup = Stats.of(probes.pickupMillis(200));
            }
            if (storage != null) {
                settle(payara, database); // the audit writer and anything else still writing
                results.storage = new Results.Growth(storageStart, storage.measure());
            }
            int allocationRequests = envInt("BENCH_ALLOC_REQUESTS", quick ? 0 : 2000);
            if (allocationRequests > 0) {
                System.out.printf(
                        "Allocation: %d requests at concurrency 200 with JFR's thread counters …%n",
                        allocationRequests);
                results.allocation = allocation(allocationRequests, gateway, jcmd, gc, out.resolveSibling("target"));
            }
            int subscribers = envInt("BENCH_SUBSCRIBERS", quick ? 0 : 2000);
            if (subscribers > 0) {
                System.out.printf("SSE: %d subscribers on %d live runs …%n", subscribers, subscriberRuns());
                results.subscribers = new SubscriberProbe(switchboard, token, payara, jcmd, metrics)
                        .run(subscribers, subscriberRuns(), envInt("BENCH_SUBSCRIBER_HOLD", 10));
            }
            results.loadAfter = loadAverage();
            results.payaraHwmMiB = payara.memoryMiB("VmHWM");
            results.databaseHwmMiB = database == null ? Double.NaN : database.memoryMiB("VmHWM");
        }
        List<Targets.Check> checks = Targets.of(results);
        if (quick) {
            Report.quick(results, checks).forEach(System.out::println);
            System.exit(0); // a quick partial run (BENCH_LEVELS) writes no report
        }
        String report = Report.markdown(results, checks, Instant.now());
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.md"), report);
        System.out.println(report);
        System.exit(0); // do not wait for any thread still around (RunProbes, the JDK)
    }

    /** One concurrency level: the direct baseline, then Switchboard with its processes' CPU, allocation and RSS. */
    private static Row level(
            int concurrency,
            int requests,
            LoadClient direct,
            LoadClient gateway,
            ProcessMeter payara,
            ProcessMeter database,
            ProcessMeter self,
            GcAllocation gc,
            RssSampler rss) {
        double selfBefore = self.cpuMillis();
        LoadClient.Result baseline = direct.run(concurrency, requests);
        double selfMid = self.cpuMillis();
        double allocBefore = gc.mark();
        rss.begin();
        long started = System.nanoTime();
        double cpuBefore = payara.cpuMillis();
        double jitBefore = payara.threadCpuMillis(JIT_THREADS);
        double dbBefore = database == null ? 0 : database.cpuMillis();
        double selfThrough = self.cpuMillis();
        LoadClient.Result measured = gateway.run(concurrency, requests);
        double selfAfter = self.cpuMillis();
        double cpu = payara.cpuMillis() - cpuBefore;
        double jit = payara.threadCpuMillis(JIT_THREADS) - jitBefore;
        double db = database == null ? Double.NaN : database.cpuMillis() - dbBefore;
        double seconds = (System.nanoTime() - started) / 1e9;
        RssSampler.Peak peak = rss.end();
        double allocated = gc.mark() - allocBefore;
        int n = measured.samples().size();
        Cpu perRequest = new Cpu(
                (selfMid - selfBefore) / baseline.samples().size(),
                (selfAfter - selfThrough) / n,
                cpu / n,
                jit / n,
                db / n);
        return new Row(baseline, measured, perRequest, new Cpu(0, 0, cpu, jit, db), seconds, allocated / n, peak);
    }

    /**
     * Allocation per streamed request at concurrency 200, from Payara's per-thread allocation counters (JFR) and,
     * over the same requests, from Micrometer's GC-based counter: a separate phase after the ones whose RSS is
     * reported, because the first JFR recording loads JFR into Payara for good.
     */
    private static Results.Allocation allocation(
            int requests, LoadClient gateway, Jcmd jcmd, GcAllocation gc, Path folder) throws Exception {
        ThreadAllocation threads = new ThreadAllocation(jcmd, folder);
        threads.start();
        double before = gc.mark();
        LoadClient.Result result = gateway.run(200, requests);
        double gcBytes = gc.mark() - before;
        ThreadAllocation.Result counted = threads.stop();
        return new Results.Allocation(result.samples().size(), result.failures(), counted, gcBytes);
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
     * Waits until Payara and MariaDB are idle (each under 5 % of a core over 5 s, at most 3 minutes): after the
     * warm-up Payara's JIT still has a queue of methods to compile and InnoDB flushes and purges what the requests
     * left, which would otherwise be counted against the idle window and the first levels.
     */
    private static void settle(ProcessMeter payara, ProcessMeter database) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < 36; i++) {
            double before = payara.cpuMillis();
            double dbBefore = database == null ? 0 : database.cpuMillis();
            Thread.sleep(5000);
            boolean payaraIdle = (payara.cpuMillis() - before) / 5000 < 0.05;
            boolean databaseIdle = database == null || (database.cpuMillis() - dbBefore) / 5000 < 0.05;
            if (payaraIdle && databaseIdle) {
                break;
            }
        }
        System.out.printf("Payara and MariaDB idle: waited %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    /** A number from the environment (quick runs while working on the token path), else {@code otherwise}. */
    static int envInt(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    /** The machine's 1, 5 and 15-minute load averages ({@code /proc/loadavg}): what else competed for the cores. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static int subscriberRuns() {
        return envInt("BENCH_SUBSCRIBER_RUNS", 20);
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
     * CPU milliseconds (per request, or in all): this JVM (load client + mock) in the direct and in the
     * Switchboard phase, Payara (and, of that, its JIT compiler threads, still compiling minutes after start) and
     * MariaDB in the Switchboard phase.
     */
    record Cpu(double harnessDirect, double harnessThrough, double payara, double jit, double database) {
        double gateway() {
            return payara + (Double.isNaN(database) ? 0 : database);
        }
    }

    /**
     * One concurrency level: baseline and Switchboard side by side; the CPU per request and in all, the Switchboard
     * phase's length (between the CPU readings), the bytes Payara allocated per request (GC accounting) and the
     * largest RSS of each process during it.
     */
    record Row(
            LoadClient.Result direct,
            LoadClient.Result gateway,
            Cpu cpu,
            Cpu cpuTotal,
            double seconds,
            double allocatedPerRequest,
            RssSampler.Peak rss) {
        Stats ttft(LoadClient.Result result) {
            return Stats.of(
                    ok(result).stream().map(LoadClient.Sample::ttftMillis).toList());
        }

        Stats total(LoadClient.Result result) {
            return Stats.of(
                    ok(result).stream().map(LoadClient.Sample::totalMillis).toList());
        }

        double addedP50() {
            return ttft(gateway).p50() - ttft(direct).p50();
        }

        double addedP99() {
            return ttft(gateway).p99() - ttft(direct).p99();
        }

        double throughputRatio() {
            return gateway.throughput() / direct.throughput();
        }

        private static List<LoadClient.Sample> ok(LoadClient.Result result) {
            return new ArrayList<>(
                    result.samples().stream().filter(LoadClient.Sample::ok).toList());
        }
    }

    /** Everything one run measured; what a run did not measure stays {@code null}. */
    static final class Results {
        final Map<Integer, Row> rows = new LinkedHashMap<>();
        int warmedUp;
        String loadBefore;
        String loadAfter;
        Idle idle;
        Stats resume;
        Stats pickup;
        Growth storage;
        Allocation allocation;
        SubscriberProbe.Result subscribers;
        double payaraHwmMiB;
        double databaseHwmMiB;

        /** The database before the warm-up and after the last load. */
        record Growth(Storage.Size before, Storage.Size after) {
            long requests() {
                return after.runs() - before.runs();
            }

            double tableBytesPerRequest() {
                return (after.tableBytes() - before.tableBytes()) / (double) requests();
            }

            double fileBytesPerRequest() {
                return (after.fileBytes() - before.fileBytes()) / (double) requests();
            }
        }

        /** The allocation phase: per-thread counters (JFR) and Micrometer's GC accounting over the same requests. */
        record Allocation(int requests, long failures, ThreadAllocation.Result threads, double gcBytes) {}

        /** The largest RSS of each process over the load phases. */
        RssSampler.Peak rssUnderLoad() {
            RssSampler.Peak peak = null;
            for (Row row : rows.values()) {
                peak = row.rss().max(peak);
            }
            return peak;
        }
    }
}
