package org.switchboard.core.providers.control;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.switchboard.core.providers.control.transport.JdkTransport;
import org.switchboard.core.providers.control.transport.NettyTransport;
import org.switchboard.core.providers.control.transport.StreamTransport;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/**
 * A measurement, not a test: the CPU time and the bytes allocated per streamed request by the transport's own
 * threads (the JDK client's selector, Netty's event loop: transport, SSE decoding and OpenAI parsing, since both
 * deliver on those threads), the JDK client against Netty, in one JVM against one local upstream that streams
 * 64 OpenAI chunks, each written and flushed on its own. Run with the test classpath:
 * {@code java -cp ... org.switchboard.core.providers.control.TransportCost [requests] [concurrency]}.
 */
public final class TransportCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        byte[][] chunks = new byte[66][];
        chunks[0] = RawUpstream.utf8(chunk("\"role\":\"assistant\",\"content\":\"\"", "null"));
        for (int i = 1; i <= 64; i++) {
            chunks[i] = RawUpstream.utf8(chunk("\"content\":\" tok" + i + "\"", "null"));
        }
        chunks[65] = RawUpstream.utf8("data: [DONE]\n\n");
        try (RawUpstream upstream = RawUpstream.start(RawUpstream.chunked(true, chunks))) {
            HttpClient http = HttpClient.newBuilder()
                    .executor(Runnable::run)
                    .version(HttpClient.Version.HTTP_2)
                    .build();
            NettyTransport netty = new NettyTransport(
                    task -> new Thread(task, "netty-loop"), 1, Duration.ofSeconds(5), SSLContext.getDefault());
            for (int round = 0; round < 2; round++) { // the first round warms up
                run(
                        "jdk",
                        new JdkTransport(http),
                        t -> t.getName().startsWith("HttpClient"),
                        upstream,
                        requests,
                        concurrency);
                run("netty", netty, t -> t.getName().equals("netty-loop"), upstream, requests, concurrency);
            }
            netty.close();
        }
    }

    private static void run(
            String name,
            StreamTransport transport,
            Predicate<Thread> own,
            RawUpstream upstream,
            int requests,
            int concurrency)
            throws InterruptedException {
        OpenAiCompatible adapter = new OpenAiCompatible(null, transport);
        Upstream target = new Upstream(upstream.baseUrl() + "/v1", "sk", "m", null);
        ChatRequest request =
                new ChatRequest("m", List.of(new ChatMessage("user", "Hi")), 64, null, null, null, Map.of());
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(requests);
        AtomicInteger failures = new AtomicInteger();
        adapter.generate(target, request, listener(new CountDownLatch(1), failures, null)); // starts the threads
        Thread.sleep(500);
        long[] before = sample(own);
        long wall = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            adapter.generate(target, request, listener(done, failures, slots));
        }
        done.await();
        long[] after = sample(own);
        System.out.printf(
                "%-6s %d requests at concurrency %d: %.3f ms CPU and %.1f KB allocated per request on the transport's"
                        + " threads (%d threads), %d failures, %.0f requests/s%n",
                name,
                requests,
                concurrency,
                (after[0] - before[0]) / 1e6 / requests,
                (after[1] - before[1]) / 1024.0 / requests,
                after[2],
                failures.get(),
                requests / ((System.nanoTime() - wall) / 1e9));
    }

    /** CPU nanoseconds and allocated bytes of the matching threads, and how many there are. */
    private static long[] sample(Predicate<Thread> own) {
        long cpu = 0;
        long allocated = 0;
        long count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (own.test(thread)) {
                cpu += THREADS.getThreadCpuTime(thread.getId());
                allocated += THREADS.getThreadAllocatedBytes(thread.getId());
                count++;
            }
        }
        return new long[] {cpu, allocated, count};
    }

    private static GenerationListener listener(CountDownLatch done, AtomicInteger failures, Semaphore slots) {
        return new GenerationListener() {
            @Override
            public void onDelta(String text) {}

            @Override
            public void onUsage(Usage usage) {}

            @Override
            public void onComplete() {
                end();
            }

            @Override
            public void onError(ProviderFailure failure) {
                failures.incrementAndGet();
                end();
            }

            private void end() {
                done.countDown();
                if (slots != null) {
                    slots.release();
                }
            }
        };
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1733500000,"
                + "\"model\":\"mock-model\",\"system_fingerprint\":\"fp_mock\",\"choices\":[{\"index\":0,\"delta\":{"
                + delta + "},\"logprobs\":null,\"finish_reason\":" + finish + "}]}\n\n";
    }

    private TransportCost() {}
}
