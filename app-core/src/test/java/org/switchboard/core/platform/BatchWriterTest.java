package org.switchboard.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Group commit: everything offered is written once, in order, and handed on only after it is written. */
class BatchWriterTest {
    private static final ManagedThreadFactory THREADS = new ManagedThreadFactory() {
        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void everyItemIsWrittenOnceInOrderAndPublishedAfterItsBatchIsWritten() throws Exception {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        List<Integer> published = Collections.synchronizedList(new ArrayList<>());
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(10_000);
        BatchWriter<Integer> writer = new BatchWriter<>(
                "test-writer",
                THREADS,
                Integer.MAX_VALUE,
                64,
                batch -> {
                    batchSizes.add(batch.size());
                    Thread.sleep(1); // a commit takes a while: items pile up meanwhile
                    written.addAll(batch);
                },
                batch -> {
                    assertThat(written).hasSizeGreaterThanOrEqualTo(published.size() + batch.size());
                    batch.forEach(item -> {
                        published.add(item);
                        all.countDown();
                    });
                });
        IntStream.range(0, 10_000).forEach(writer::offer);

        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        writer.stop();
        assertThat(written)
                .containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
        assertThat(published).containsExactlyElementsOf(written);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 64));
        assertThat(batchSizes.size()).isLessThan(10_000); // batched, not one write per item
    }

    @Test
    void aFailedBatchIsRetriedAndNotHandedOnUntilWritten() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> published = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        BatchWriter<String> writer = new BatchWriter<>(
                "test-writer",
                THREADS,
                10,
                8,
                batch -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new java.sql.SQLException("database unavailable");
                    }
                },
                batch -> {
                    published.addAll(batch);
                    done.countDown();
                });
        writer.offer("event");

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        writer.stop();
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(published).containsExactly("event");
    }

    @Test
    void aLingeringWriterGathersItemsOfferedWhileItWaitsIntoOneBatch() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch lingering = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(3);
        BatchWriter<Integer> writer = recording(batches, linger(TimeUnit.MILLISECONDS.toNanos(500), lingering), all);
        writer.offer(1);
        assertThat(lingering.await(10, TimeUnit.SECONDS)).isTrue(); // the writer has the first item, waits for more
        writer.offer(2);
        writer.offer(3);

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        writer.stop();
        assertThat(batches).containsExactly(List.of(1, 2, 3));
    }

    @Test
    void anUrgentItemEndsTheLingerAndGoesOutWithTheItemsBeforeIt() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch lingering = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(2);
        BatchWriter<Integer> writer = recording(batches, linger(TimeUnit.SECONDS.toNanos(30), lingering), all);
        writer.offer(1);
        assertThat(lingering.await(10, TimeUnit.SECONDS)).isTrue(); // the writer has the first item, lingers 30 s
        writer.offer(2, true);

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue(); // well before the 30 s linger would end
        writer.stop();
        assertThat(batches).containsExactly(List.of(1, 2));
    }

    @Test
    void withoutALingerTheFirstItemIsWrittenAtOnce() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(2);
        BatchWriter<Integer> writer = recording(batches, () -> 0, first, all);
        writer.offer(1);
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue(); // written before the second is even offered
        writer.offer(2);

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        writer.stop();
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    /** A linger of {@code nanos}, counting {@code asked} down when the writer, holding a first item, asks for it. */
    private static LongSupplier linger(long nanos, CountDownLatch asked) {
        return () -> {
            asked.countDown();
            return nanos;
        };
    }

    /** A writer that records its batches and counts each written item down on every latch. */
    private static BatchWriter<Integer> recording(
            List<List<Integer>> batches, LongSupplier lingerNanos, CountDownLatch... written) {
        return new BatchWriter<>(
                "test-writer",
                THREADS,
                100,
                64,
                batch -> batches.add(List.copyOf(batch)),
                batch -> batch.forEach(item -> {
                    for (CountDownLatch latch : written) {
                        latch.countDown();
                    }
                }),
                lingerNanos);
    }

    @Test
    void drainAndStopWritesWhatIsQueuedWithoutLingeringThenRefusesMore() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        List<Integer> handedOn = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<Integer> writer = writer(
                batch -> {
                    writing.countDown();
                    release.await(); // the first commit is still in progress when the stop begins
                    batches.add(List.copyOf(batch));
                },
                handedOn,
                TimeUnit.SECONDS.toNanos(30));
        writer.offer(1, true);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        writer.offer(2);
        writer.offer(3);

        long started = System.nanoTime();
        Thread stopper = new Thread(
                () -> assertThat(writer.drainAndStop(Duration.ofSeconds(20))).isTrue());
        stopper.start();
        Thread.sleep(100); // a fixed window on purpose: the stop may not end within it
        assertThat(stopper.isAlive()).isTrue(); // it waits for the commit in progress
        release.countDown();
        stopper.join(10_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                .isLessThan(10); // the 30 s linger did not hold the queued items back
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
        assertThat(handedOn).containsExactly(1, 2, 3);
        assertThat(writer.offer(4)).isFalse();
    }

    @Test
    void drainAndStopGivesUpAfterItsGraceWhenNothingCanBeWritten() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> handedOn = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = writer(
                batch -> {
                    attempts.incrementAndGet();
                    throw new java.sql.SQLException("database unavailable");
                },
                handedOn,
                0);
        writer.offer(1);

        long started = System.nanoTime();
        assertThat(writer.drainAndStop(Duration.ofSeconds(1))).isFalse();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 8_000L);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(1);
        assertThat(handedOn).isEmpty();
    }

    /** A writer of up to 100 queued items, 64 a batch, that hands what it wrote on to {@code handedOn}. */
    private static BatchWriter<Integer> writer(
            BatchWriter.Write<Integer> write, List<Integer> handedOn, long lingerNanos) {
        return new BatchWriter<>("test-writer", THREADS, 100, 64, write, handedOn::addAll, () -> lingerNanos);
    }

    @Test
    void offerRefusesBeyondCapacity() {
        CountDownLatch blocked = new CountDownLatch(1);
        BatchWriter<Integer> writer =
                new BatchWriter<>("test-writer", THREADS, 2, 1, batch -> blocked.await(), batch -> {});
        // The writer takes the first item and blocks on it; two more fill the queue; the fourth is refused.
        assertThat(writer.offer(1)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean refused = false;
        for (int i = 2; i < 100 && !refused && System.nanoTime() < deadline; i++) {
            refused = !writer.offer(i);
        }
        blocked.countDown();
        writer.stop();
        assertThat(refused).isTrue();
    }
}
