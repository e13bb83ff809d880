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
            Predicate<Thread> jdkThreads =
                    t -> t.getName().startsWith("HttpClient") || t.getName().startsWith("ForkJoinPool.commonPool");
            Predicate<Thread> nettyThreads = t -> t.getName().equals("netty-loop");
            for (int round = 0; round < 2; round++) { // the first round warms up
                run("before", "SSE only", new JdkLines(http), jdkThreads, upstream, requests, concurrency);
                run(
                        "jdk",
                        "SSE only",
                        new Unparsed(new JdkTransport(http)),
                        jdkThreads,
                        upstream,
                        requests,
                        concurrency);
                run("netty", "SSE only", new Unparsed(netty), nettyThreads, upstream, requests, concurrency);
                run("jdk", "OpenAI parse", new OpenAiCompatible(http), jdkThreads, upstream, requests, concurrency);
                run(
                        "netty",
                        "OpenAI parse",
                        new OpenAiCompatible(http, netty),
                        nettyThreads,
                        upstream,
                        requests,
                        concurrency);
            }
            netty.close();
        }
    }

    private static void run(
            String name,
            String mode,
            ProviderAdapter adapter,
            Predicate<Thread> own,
            RawUpstream upstream,
            int requests,
            int concurrency)
            throws InterruptedException {
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
                "%-6s %-12s %d requests at concurrency %d: %.3f ms CPU and %.1f KB allocated per request on the"
                        + " transport's threads (%d threads), %d failures, %.0f requests/s%n",
                name,
                mode,
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

    /**
     * How the JDK client was read before the transports: lines decoded to {@code String}s by the JDK's line
     * subscriber, the SSE fields cut from them as strings (the former {@code SseExchange}), events counted only.
     */
    private record JdkLines(HttpClient http) implements ProviderAdapter {
        @Override
        public String kind() {
            return "lines";
        }

        @Override
        public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
            java.net.http.HttpRequest call = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(upstream.url("/chat/completions")))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            Lines lines = new Lines(listener);
            http.sendAsync(
                    call,
                    info -> java.net.http.HttpResponse.BodySubscribers.fromLineSubscriber(
                            lines, subscriber -> null, java.nio.charset.StandardCharsets.UTF_8, null));
            return () -> {};
        }
    }

    /** The former SseExchange's line handling, verbatim but for the dialect. */
    private static final class Lines implements java.util.concurrent.Flow.Subscriber<String> {
        private final GenerationListener listener;
        private String eventName;
        private StringBuilder data;

        Lines(GenerationListener listener) {
            this.listener = listener;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith("data:")) {
                String value = field(line, 5);
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            } else if (line.startsWith("event:")) {
                eventName = field(line, 6);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            listener.onError(new ProviderFailure("upstream-unreachable", throwable.toString(), 0));
        }

        @Override
        public synchronized void onComplete() {
            dispatch();
        }

        private void dispatch() {
            StringBuilder payload = data;
            data = null;
            eventName = null;
            if (payload != null && payload.toString().equals("[DONE]")) {
                listener.onComplete();
            }
        }

        private static String field(String line, int nameLength) {
            int start = nameLength < line.length() && line.charAt(nameLength) == ' ' ? nameLength + 1 : nameLength;
            return line.substring(start);
        }
    }

    /** The transport and the SSE decoding alone: events are counted, not parsed; {@code [DONE]} completes. */
    private record Unparsed(StreamTransport transport) implements ProviderAdapter {
        @Override
        public String kind() {
            return "unparsed";
        }

        @Override
        public Generation generate(Upstream upstream, ChatRequest request, GenerationListener listener) {
            SseExchange exchange = new SseExchange(listener) {
                @Override
                protected void onEvent(String event, String data) {
                    if (data.equals("[DONE]")) {
                        complete();
                    }
                }
            };
            return exchange.start(
                    transport,
                    org.switchboard.core.providers.control.transport.UpstreamCall.post(
                                    java.net.URI.create(upstream.url("/chat/completions")), "{}")
                            .header("Content-Type", "application/json"));
        }
    }

    private TransportCost() {}
}
